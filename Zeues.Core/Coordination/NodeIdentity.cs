namespace Zeues.Core.Coordination;

/// <summary>This server process among the nodes sharing a workbook and Redis.</summary>
public sealed class NodeIdentity
{
    private long _sequence;

    public string Id { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>The number of this node's next change notification: 1, 2, 3 … with no gaps.</summary>
    public long NextSequence() => Interlocked.Increment(ref _sequence);
}
