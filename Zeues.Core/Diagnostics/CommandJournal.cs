using Zeues.Core.Domain;

namespace Zeues.Core.Diagnostics;

/// <summary>One finished command as the admin DIAGNÓSTICO tab lists it.</summary>
/// <param name="At">Plant time the command ended.</param>
/// <param name="Actor">Worker id, or the supervisor's name.</param>
/// <param name="Outcome">The Resultado, or the error code.</param>
/// <param name="Reference">The ERROR_INTERNO reference the user saw, also in the log line.</param>
public sealed record CommandRecord(
    DateTime At, Guid CommandId, CommandType Type, string Tag, string Actor, string Outcome, bool Succeeded, string Step, long DurationMs,
    string? Reference);

/// <summary>The last <see cref="Capacity"/> commands of this node, newest first; memory stays bounded whatever the load.</summary>
public sealed class CommandJournal
{
    public const int Capacity = 200;

    private readonly Lock _gate = new();
    private readonly Queue<CommandRecord> _records = new(Capacity);

    /// <summary>Raised after each command; the admin tab re-renders on it.</summary>
    public event Action? Recorded;

    public void Add(CommandRecord record)
    {
        lock (_gate)
        {
            if (_records.Count == Capacity) _records.Dequeue();
            _records.Enqueue(record);
        }
        Recorded?.Invoke();
    }

    public IReadOnlyList<CommandRecord> Recent()
    {
        lock (_gate) return _records.Reverse().ToList();
    }
}
