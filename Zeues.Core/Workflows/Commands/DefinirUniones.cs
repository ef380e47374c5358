using System.Globalization;
using System.Text.Json.Nodes;
using Zeues.Core.Domain;

namespace Zeues.Core.Workflows.Commands;

/// <summary>
/// FLOOR F3: the supervisor gives a spool its complete union list. New unions are appended, changed
/// ones updated in place, removed ones deleted, all in the command's one batch; unions with work
/// recorded can be neither changed nor removed. The spool is v4 from then on.
/// </summary>
internal static class DefinirUniones
{
    /// <summary>F3 #2: 1–60 items, n unique 1–999, dn and tipo from the plant's lists; the error names the item.</summary>
    public static void CheckInput(CommandRequest r)
    {
        if (r.Type != CommandType.DEFINIR_UNIONES) return;
        var items = r.Uniones ?? [];
        if (items.Count is 0 or > UnionSpec.MaxItems) throw Errors.Entrada($"la lista debe tener entre 1 y {UnionSpec.MaxItems} uniones").Throw();
        var seen = new HashSet<int>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var name = $"unión {i + 1}" + (item.N is { } n0 ? $" (N {n0})" : "");
            if (item.N is not (>= 1 and <= 999) || !seen.Add(item.N.Value))
                throw Errors.Entrada($"{name}: N debe ser un entero único entre 1 y 999").Throw();
            if (item.Dn is not { } dn || !UnionSpec.Diametros.Contains(dn))
                throw Errors.Entrada($"{name}: DN {item.Dn?.ToString(CultureInfo.InvariantCulture) ?? "vacío"} no es un diámetro válido").Throw();
            if (!UnionSpec.Tipos.Contains(Tipo(item)))
                throw Errors.Entrada($"{name}: TIPO \"{item.Tipo}\" debe ser {string.Join(", ", UnionSpec.Tipos)}").Throw();
        }
    }

    public static SpoolChange Decide(CommandContext ctx)
    {
        // Its preconditions (FLOOR F3 #3-#8) were decided by the rule book (CommandRules).
        var s = ctx.Spool;
        var wanted = (ctx.Request.Uniones ?? []).ToDictionary(u => u.N!.Value, u => (Dn: u.Dn!.Value, Tipo: Tipo(u)));

        var existing = s.Unions.ToDictionary(u => u.NUnion);
        var (creadas, modificadas, eliminadas) = UnionPlan.Of(s.Unions.Select(u => (u.NUnion, u.Dn, u.Tipo)), ctx.Request.Uniones ?? []);

        // Kept and changed unions keep their rows; new ones have none until the store appends them.
        var unions = wanted.Select(w => existing.TryGetValue(w.Key, out var u)
                ? u with { Dn = w.Value.Dn, Tipo = w.Value.Tipo }
                : new Union(0, w.Key, w.Value.Dn, w.Value.Tipo, s.Ot, null, null, null, null, null, null))
            .OrderBy(u => u.NUnion).ToList();
        var after = s with { Unions = unions, HasUnionRows = true };

        var json = new JsonObject
        {
            ["creadas"] = Numbers(creadas),
            ["modificadas"] = Numbers(modificadas),
            ["eliminadas"] = Numbers(eliminadas),
            ["total"] = unions.Count,
            ["version_anterior"] = s.Version.Label(),
            ["supervisor"] = ctx.Supervisor,
        };
        return new SpoolChange(after, [new AuditEvent(AuditEvent.UnionesDefinidas, "UNIONES", "DEFINIR", json, Primary: true)],
            Resultado.UNIONES_DEFINIDAS, Messages.UnionesDefinidas(s.Tag, creadas.Count, modificadas.Count, eliminadas.Count, unions.Count));
    }

    private static string Tipo(UnionSpec u) => u.TipoNormalizado;

    private static JsonArray Numbers(IEnumerable<int> ns) => new(ns.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray());
}
