namespace Zeues.Web.Realtime;

/// <summary>Commands in flight on this circuit: the idle timeout never fires while one runs (UX 3.3).</summary>
public sealed class CommandActivity
{
    private int _inFlight;

    public bool Busy => Volatile.Read(ref _inFlight) > 0;

    public async Task<T> TrackAsync<T>(Func<Task<T>> command)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            return await command();
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
