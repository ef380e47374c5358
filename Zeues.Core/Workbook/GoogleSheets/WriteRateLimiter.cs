using Microsoft.Extensions.Options;

namespace Zeues.Core.Workbook.GoogleSheets;

/// <summary>
/// Keeps this node's writes under the per-user quota (default 60 per minute) with a sliding window,
/// so a burst of commands waits a little instead of collecting 429s.
/// </summary>
public sealed class WriteRateLimiter(IOptions<GoogleSheetsOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task WaitAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                while (_recent.Count > 0 && now - _recent.Peek() >= Window) _recent.Dequeue();
                if (_recent.Count < options.Value.WritesPerMinute)
                {
                    _recent.Enqueue(now);
                    return;
                }
                await Task.Delay(_recent.Peek() + Window - now, time, ct);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
