using Zeues.Core.Domain;
using Zeues.Core.Queries;

namespace Zeues.Web.Work;

/// <summary>UX 4.3: why a union cannot be chosen for FINALIZAR in this operation (null = available), for the dialog and the offline checklist alike.</summary>
public static class UnionState
{
    public static string? Of(UnionView u, Operacion op) => op switch
    {
        Operacion.ARM when u.ArmadaEn is { } at => $"✓ ARMADA · {u.ArmadaPor} · {at:dd-MM HH:mm}",
        Operacion.SOLD when u.SoldadaEn is { } at => $"✓ SOLDADA · {u.SoldadaPor} · {at:dd-MM HH:mm}",
        Operacion.SOLD when !u.RequiereSoldadura => "SOLO ARMADO",
        Operacion.SOLD when u.ArmadaEn is null => "SIN ARMAR",
        _ => null,
    };
}
