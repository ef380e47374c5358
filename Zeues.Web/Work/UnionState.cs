using Zeues.Core.Domain;
using Zeues.Core.Queries;

namespace Zeues.Web.Work;

/// <summary>
/// UX 4.3: why a union cannot be chosen for FINALIZAR in this operation (null = available), for the
/// dialog and the offline checklist alike. Availability itself comes from the core
/// (<see cref="UnionView.DisponiblePara"/>); this only words the reason.
/// </summary>
public static class UnionState
{
    public static string? Of(UnionView u, Operacion op) => u.DisponiblePara(op) ? null : op switch
    {
        Operacion.ARM => $"✓ ARMADA · {u.ArmadaPor} · {u.ArmadaEn:dd-MM HH:mm}",
        _ when u.SoldadaEn is { } at => $"✓ SOLDADA · {u.SoldadaPor} · {at:dd-MM HH:mm}",
        _ when !u.RequiereSoldadura => "SOLO ARMADO",
        _ => "SIN ARMAR",
    };
}
