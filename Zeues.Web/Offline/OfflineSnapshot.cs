using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Web.Work;

namespace Zeues.Web.Offline;

/// <summary>
/// The last data /trabajo showed, kept in the browser so the offline view (js/offline.js) can render it
/// without the circuit (FLOOR F5). Everything a rule decides — the actions of a card, why a union cannot be
/// chosen, the labels — is decided here on the server; the script only draws it.
/// </summary>
public sealed record OfflineSnapshot(OfflineWorker Worker, string Credential, string Guardado, int IdleSeconds, IReadOnlyList<OfflineSpool> Mine, IReadOnlyList<OfflineTab> Tabs);

public sealed record OfflineWorker(int Id, string Token, string Nombre);

public sealed record OfflineTab(string Operacion, string Nombre, IReadOnlyList<OfflineSpool> Spools);

public sealed record OfflineUnion(string Id, int N, decimal Dn, string DnTexto, string? Tipo, string? Estado);

public sealed record OfflineSpool(string Tag, string? Nv, string Version, string Estado, string EstadoDetalle, int Cycle, string? Operacion,
    string? OperacionNombre, string? Occupant, string? Since, IReadOnlyList<string> Acciones, IReadOnlyList<OfflineUnion> Unions)
{
    public static OfflineSpool Of(SpoolView v, IReadOnlyList<string> acciones) => new(v.Tag, v.Nv, v.Version == SpoolVersion.V4 ? "v4.0" : "v3.0",
        v.DisplayLabel, v.EstadoDetalle, v.Cycle, v.OperacionEnCurso?.ToString(), v.OperacionEnCurso?.Nombre(), v.Occupant, v.OccupiedSince?.ToString("HH:mm"),
        acciones,
        v.OperacionEnCurso is Core.Domain.Operacion.ARM or Core.Domain.Operacion.SOLD
            ? v.Unions.OrderBy(u => u.NUnion).Select(u => new OfflineUnion(u.Id, u.NUnion, u.Dn, Pulgadas.Text(u.Dn), u.Tipo, UnionState.Of(u, v.OperacionEnCurso.Value))).ToList()
            : []);
}
