namespace Zeues.Core.Domain;

/// <summary>One union as the supervisor defines it on the floor (FLOOR F3): number, nominal diameter, type. Fields may be missing until checked.</summary>
public sealed record UnionSpec(int? N, decimal? Dn, string? Tipo)
{
    public const int MaxItems = 60;

    /// <summary>F3 #2: the DN values a union may take, in inches.</summary>
    public static readonly IReadOnlyList<decimal> Diametros =
        [0.5m, 0.75m, 1m, 1.5m, 1.75m, 2m, 2.5m, 3m, 3.5m, 4m, 5m, 6m, .. Enumerable.Range(4, 21).Select(i => (decimal)(i * 2))];

    public static readonly IReadOnlyList<string> Tipos = ["BW", "BR", "SO", "FILL", "LET", "FW", "MIT"];

    /// <summary>The type as compared and written: trimmed, upper-case.</summary>
    public string TipoNormalizado => Tipo?.Trim().ToUpperInvariant() ?? "";

    /// <summary>DN as the dialog shows it: ½ ¾ 1 1½ 1¾ 2 2½ …</summary>
    public static string DnLabel(decimal dn)
    {
        var whole = (int)Math.Floor(dn);
        var fraction = (dn - whole) switch { 0.5m => "½", 0.75m => "¾", 0.25m => "¼", _ => "" };
        return whole == 0 && fraction.Length > 0 ? fraction : $"{whole}{fraction}";
    }
}

/// <summary>FLOOR F3: which union numbers a definition creates, changes (DN or type) and removes; the command and its dialog's preview line.</summary>
public static class UnionPlan
{
    public static (IReadOnlyList<int> Creadas, IReadOnlyList<int> Modificadas, IReadOnlyList<int> Eliminadas) Of(
        IEnumerable<(int N, decimal Dn, string? Tipo)> existing, IEnumerable<UnionSpec> wanted)
    {
        var before = existing.ToDictionary(u => u.N);
        var after = wanted.Where(w => w.N is not null).DistinctBy(w => w.N).ToDictionary(w => w.N!.Value);
        return (
            after.Keys.Where(n => !before.ContainsKey(n)).Order().ToList(),
            after.Where(w => before.TryGetValue(w.Key, out var u) && (u.Dn != w.Value.Dn || (u.Tipo ?? "") != w.Value.TipoNormalizado)).Select(w => w.Key).Order().ToList(),
            before.Keys.Where(n => !after.ContainsKey(n)).Order().ToList());
    }
}
