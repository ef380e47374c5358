using Zeues.Core.Domain;
namespace Zeues.Core.Workflows.Commands;

/// <summary>
/// Request fields a command checks right after the actor (FLOOR F3 #2, F4), before the lease and the
/// fresh read: their errors come in the order the specification lists them.
/// </summary>
internal static class InputCheck
{
    public static void Check(CommandRequest request)
    {
        Rechazo.CheckInput(request);
        DefinirUniones.CheckInput(request);
    }
}
