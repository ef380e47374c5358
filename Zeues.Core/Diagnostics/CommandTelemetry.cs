using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Zeues.Core.Domain;

namespace Zeues.Core.Diagnostics;

/// <summary>
/// One command in flight: the step it is in and the spans that trace it. The step current when the
/// command ends is the one that decided it.
/// </summary>
public sealed class CommandProgress : IDisposable
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private Activity? _span;

    internal CommandProgress(CommandRequest request)
    {
        Request = request;
        Activity = ZeuesTelemetry.Source.StartActivity($"comando {request.Type}");
        Activity?.SetTag("zeues.command.id", request.CommandId)
            .SetTag("zeues.command.type", request.Type.ToString())
            .SetTag("zeues.tag", request.Tag)
            .SetTag("zeues.worker.id", request.Actor.WorkerId);
    }

    public CommandRequest Request { get; }

    public string Step { get; private set; } = CommandSteps.Validacion;

    internal Activity? Activity { get; }

    internal TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    /// <summary>Enters a step; steps that call the workbook or Redis run in their own child span.</summary>
    public void Enter(string step)
    {
        _span?.Dispose();
        Step = step;
        _span = CommandSteps.HasSpan(step) ? ZeuesTelemetry.Source.StartActivity(step) : null;
    }

    /// <summary>A store failure happened and the batch will be tried again.</summary>
    internal void Retrying(int attempt) => _span?.AddEvent(new ActivityEvent("reintento", tags: new ActivityTagsCollection { ["zeues.attempt"] = attempt }));

    /// <summary>The command ended: a failure marks the step's span, whose name is then the deciding step.</summary>
    internal void Decide(ZeuesError? error)
    {
        if (error is not null && Step == CommandSteps.Precondiciones) Step = CommandSteps.Precondicion(error.Code);
        if (error is not null) _span?.SetStatus(ActivityStatusCode.Error, error.Code.ToString());
        _span?.Dispose();
        _span = null;
    }

    public void Dispose()
    {
        _span?.Dispose();
        Activity?.Dispose();
    }
}

/// <summary>
/// What the command flow leaves behind for whoever looks into a failure: one log line per command,
/// its trace, the duration metric and the admin journal, all with the same outcome and step.
/// </summary>
public sealed partial class CommandTelemetry(ZeuesMetrics metrics, CommandJournal journal, PlantClock clock, ILogger<CommandTelemetry> logger)
{
    /// <summary>Outcome of a command whose caller went away (a closed tablet) before it ended.</summary>
    public const string Interrumpido = "INTERRUMPIDO";

    public static CommandProgress Start(CommandRequest request) => new(request);

    /// <summary>The command ended with its Resultado, or with <paramref name="error"/>.</summary>
    public void Finish(CommandProgress progress, Resultado? resultado, ZeuesError? error, Exception? failure = null) =>
        Record(progress, error?.Code.ToString() ?? resultado?.ToString() ?? "", error, failure);

    /// <summary>The request was cancelled mid-flight: still one line, so no command vanishes from the log.</summary>
    public void Interrupted(CommandProgress progress) => Record(progress, Interrumpido, null, null);

    public void Retrying(CommandProgress progress, int attempt, TimeSpan delay, Exception failure)
    {
        metrics.Retry();
        progress.Retrying(attempt);
        LogRetry(failure, progress.Request.CommandId, attempt, (long)delay.TotalMilliseconds);
    }

    public void PublishFailed(string tag, Exception failure) => LogPublishFailed(failure, tag);

    private void Record(CommandProgress progress, string outcome, ZeuesError? error, Exception? failure)
    {
        progress.Decide(error);
        var elapsed = progress.Elapsed;
        var request = progress.Request;
        var reference = error?.Data.GetValueOrDefault("ref") as string;
        var activity = progress.Activity;
        if (activity is not null)
        {
            activity.SetTag("zeues.outcome", outcome).SetTag("zeues.step", progress.Step).SetTag("zeues.error.ref", reference);
            // A refused precondition is the system working; only a store or code failure marks the trace as an error.
            if (error?.Code is ErrorCode.ALMACEN_NO_DISPONIBLE or ErrorCode.ERROR_INTERNO) activity.SetStatus(ActivityStatusCode.Error, outcome);
        }

        metrics.Command(request.Type.ToString(), outcome, elapsed);
        var actor = request.Actor.WorkerId?.ToString() ?? request.Actor.Supervisor ?? "";
        journal.Add(new CommandRecord(clock.Now, request.CommandId, request.Type, request.Tag, actor, outcome, error is null && outcome != Interrumpido,
            progress.Step, (long)elapsed.TotalMilliseconds, reference));

        var level = error?.Code switch
        {
            ErrorCode.ERROR_INTERNO => LogLevel.Error,
            ErrorCode.ALMACEN_NO_DISPONIBLE => LogLevel.Warning,
            _ => LogLevel.Information,
        };
        if (reference is null)
            LogCommand(level, failure, request.CommandId, request.Type, request.Tag, actor, outcome, progress.Step, (long)elapsed.TotalMilliseconds);
        else
            LogCommandWithRef(level, failure, request.CommandId, request.Type, request.Tag, actor, outcome, reference, progress.Step, (long)elapsed.TotalMilliseconds);
    }

    [LoggerMessage(EventId = 100, EventName = "Comando", Message = "Comando {CommandId} {Type} {Tag} worker {WorkerId}: {Outcome} (paso {Step}, {ElapsedMs} ms)")]
    private partial void LogCommand(LogLevel level, Exception? exception, Guid commandId, CommandType type, string tag, string workerId, string outcome,
        string step, long elapsedMs);

    /// <summary>ERROR_INTERNO: the line carries the reference the user was shown.</summary>
    [LoggerMessage(EventId = 103, EventName = "ComandoConReferencia", Message = "Comando {CommandId} {Type} {Tag} worker {WorkerId}: {Outcome} ref {Reference} (paso {Step}, {ElapsedMs} ms)")]
    private partial void LogCommandWithRef(LogLevel level, Exception? exception, Guid commandId, CommandType type, string tag, string workerId, string outcome,
        string reference, string step, long elapsedMs);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Batch of {CommandId} failed (attempt {Attempt}); retrying in {Delay} ms")]
    private partial void LogRetry(Exception exception, Guid commandId, int attempt, long delay);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Publishing the change of {Tag} failed")]
    private partial void LogPublishFailed(Exception exception, string tag);
}
