namespace Zeues.Web.Realtime;

/// <summary>
/// The tablet's idle clock for UX 3.3, one per circuit: moving from /trabajo to /spool/{tag} or /registro
/// neither restarts it nor lets a second ¿SIGUES AHÍ? open beside the one already asking.
/// </summary>
public sealed class IdleState
{
    public DateTime LastInput { get; private set; } = DateTime.UtcNow;

    public bool Asking { get; set; }

    public void Touched() => LastInput = DateTime.UtcNow;
}
