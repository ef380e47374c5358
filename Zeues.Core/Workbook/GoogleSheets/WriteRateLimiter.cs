using Microsoft.Extensions.Options;

namespace Zeues.Core.Workbook.GoogleSheets;

/// <summary>
/// Keeps this node's writes under the per-user quota (default 60 per minute) with a sliding window,
/// so a burst of commands waits a little instead of collecting 429s. A command reserves its write
/// before it takes the spool lease (<see cref="ReserveAsync"/>), so the wait never eats into the lease.
/// </summary>
public sealed class WriteRateLimiter(IOptions<GoogleSheetsOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly List<DateTimeOffset> _recent = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public int Limit => options.Value.WritesPerMinute;

    /// <summary>Writes counted in the last minute.</summary>
    public int Used
    {
        get
        {
            lock (_recent)
            {
                Prune(time.GetUtcNow());
                return _recent.Count;
            }
        }
    }

    public async Task WaitAsync(CancellationToken ct) => await TakeAsync(ct);

    /// <summary>Takes a write now; the slot is handed back if the command ends without sending.</summary>
    public async Task<WriteSlot> ReserveAsync(CancellationToken ct)
    {
        var at = await TakeAsync(ct);
        return new WriteSlot(() =>
        {
            lock (_recent) _recent.Remove(at);
        });
    }

    private async Task<DateTimeOffset> TakeAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                TimeSpan wait;
                lock (_recent)
                {
                    Prune(now);
                    if (_recent.Count < options.Value.WritesPerMinute)
                    {
                        _recent.Add(now);
                        return now;
                    }
                    wait = _recent[0] + Window - now;
                }
                await Task.Delay(wait, time, ct);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Prune(DateTimeOffset now)
    {
        var expired = _recent.FindIndex(t => now - t < Window);
        _recent.RemoveRange(0, expired < 0 ? _recent.Count : expired);
    }
}
