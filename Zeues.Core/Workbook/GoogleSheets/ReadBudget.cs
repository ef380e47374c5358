using Microsoft.Extensions.Options;

namespace Zeues.Core.Workbook.GoogleSheets;

/// <summary>
/// Keeps this node's spreadsheet reads under <see cref="GoogleSheetsOptions.ReadsPerMinute"/> (sliding
/// minute), below Google's per-user read quota. Commands may spend the whole budget; background reads
/// stop a quarter short of it, so a refresh or a reload can never leave a command without a read.
/// Over budget a read waits for the window to move instead of collecting 429s.
/// </summary>
public sealed class ReadBudget(IOptions<GoogleSheetsOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly List<(DateTimeOffset At, bool Command)> _recent = [];
    private long _waits;

    public int Limit => options.Value.ReadsPerMinute;

    /// <summary>Reads of the window that only commands may use.</summary>
    public int CommandReserve => Limit / 4;

    /// <summary>Reads that had to wait for the window, since start.</summary>
    public long Waits => Interlocked.Read(ref _waits);

    /// <summary>Reads of the last minute: all, by commands, in the background.</summary>
    public (int Used, int Command, int Background) Used()
    {
        lock (_recent)
        {
            Prune(time.GetUtcNow());
            var command = _recent.Count(r => r.Command);
            return (_recent.Count, command, _recent.Count - command);
        }
    }

    /// <summary>Takes one read of the budget, waiting while this lane has none left.</summary>
    public async Task WaitAsync(CancellationToken ct)
    {
        var command = ReadLane.IsCommand;
        var waited = false;
        while (true)
        {
            TimeSpan wait;
            lock (_recent)
            {
                var now = time.GetUtcNow();
                Prune(now);
                var limit = command ? Limit : Limit - CommandReserve;
                if (_recent.Count < limit)
                {
                    _recent.Add((now, command));
                    return;
                }
                // The lane has room again once enough of the oldest reads leave the window.
                wait = _recent[_recent.Count - limit].At + Window - now;
            }
            if (!waited) Interlocked.Increment(ref _waits);
            waited = true;
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), time, ct);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        var kept = _recent.FindIndex(r => now - r.At < Window);
        _recent.RemoveRange(0, kept < 0 ? _recent.Count : kept);
    }
}
