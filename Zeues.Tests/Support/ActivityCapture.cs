using System.Collections.Concurrent;
using System.Diagnostics;
using Zeues.Core.Diagnostics;

namespace Zeues.Tests.Support;

/// <summary>Records every finished span of the "Zeues" source while alive; tests pick theirs by command id.</summary>
public sealed class ActivityCapture : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public ActivityCapture()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ZeuesTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The command's root span (tagged with its id) and its child spans in start order.</summary>
    public (Activity Command, IReadOnlyList<Activity> Steps) Trace(Guid commandId)
    {
        var all = _stopped.ToList();
        var root = all.Single(a => a.GetTagItem("zeues.command.id") is Guid id && id == commandId);
        var steps = all.Where(a => a.ParentSpanId == root.SpanId && a.TraceId == root.TraceId).OrderBy(a => a.StartTimeUtc).ToList();
        return (root, steps);
    }

    public void Dispose() => _listener.Dispose();
}
