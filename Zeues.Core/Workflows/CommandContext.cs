using Zeues.Core.Domain;

namespace Zeues.Core.Workflows;

/// <summary>Everything a command decides on: the request, the acting worker or supervisor, the freshly read spool and plant time.</summary>
public sealed record CommandContext(CommandRequest Request, Spool Spool, Worker? Worker, DateTime Now)
{
    public DateOnly Today => DateOnly.FromDateTime(Now);

    public string Tag => Spool.Tag;

    public string Token => Worker?.Token ?? Supervisor;

    public string Supervisor => Request.Actor.Supervisor ?? "SUPERVISOR";

    public Operacion Op => Request.Operacion ?? Operacion.ARM;
}
