using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Zeues.Core.Coordination;
using Zeues.Core.Diagnostics;
using Zeues.Core.Domain;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Diagnostics;

/// <summary>Each command's one log line, its trace and its journal entry name the step that decided it, over the real SQLite workbook.</summary>
public sealed class CommandDiagnosticsTests : IDisposable
{
    private readonly LogCapture _logs = new();
    private readonly ActivityCapture _traces = new();

    public void Dispose() => _traces.Dispose();

    private Task<TestPlant> PlantAsync(IDictionary<string, string?>? settings = null) =>
        TestPlant.CreateAsync(settings: settings, configure: s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(_logs)));

    [Fact]
    public async Task A_successful_command_logs_one_line_and_traces_lock_fresh_read_batch_and_publish()
    {
        await using var plant = await PlantAsync();
        var id = Guid.NewGuid();

        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM, commandId: id));

        var line = Assert.Single(_logs.CommandLines(id));
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal(("INICIAR", S1, "94", "INICIADO", CommandSteps.Publicacion), (line.Field("Type"), line.Field("Tag"), line.Field("WorkerId"), line.Field("Outcome"), line.Field("Step")));
        Assert.NotNull(line.Field("ElapsedMs"));
        var (command, steps) = _traces.Trace(id);
        Assert.Equal("INICIADO", command.GetTagItem("zeues.outcome"));
        Assert.Equal([CommandSteps.Lock, CommandSteps.Lectura, CommandSteps.Batch, CommandSteps.Publicacion], steps.Select(s => s.OperationName));
        Assert.All(steps, s => Assert.Equal(ActivityStatusCode.Unset, s.Status));
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Debug && e.Category.EndsWith("InstrumentedWorkbook") && e.Message.Contains("apply: ok"));
    }

    [Fact]
    public async Task A_precondition_failure_names_the_refusing_rule_in_the_log_line_the_trace_and_the_journal()
    {
        await using var plant = await PlantAsync();
        var id = Guid.NewGuid();

        Expect.Error(await plant.RunAsync(CommandType.INICIAR, S2, NR, Operacion.ARM, commandId: id), ErrorCode.SPOOL_OCUPADO);

        var step = CommandSteps.Precondicion(ErrorCode.SPOOL_OCUPADO);
        var line = Assert.Single(_logs.CommandLines(id));
        Assert.Equal(("SPOOL_OCUPADO", step, LogLevel.Information), (line.Field("Outcome"), line.Field("Step"), line.Level));
        var (command, steps) = _traces.Trace(id);
        Assert.Equal(step, command.GetTagItem("zeues.step"));
        Assert.Equal("SPOOL_OCUPADO", command.GetTagItem("zeues.outcome"));
        // A refusal is the system working: the trace is not an error trace.
        Assert.Equal(ActivityStatusCode.Unset, command.Status);
        Assert.Equal([CommandSteps.Lock, CommandSteps.Lectura], steps.Select(s => s.OperationName));
        var record = plant.Services.GetRequiredService<CommandJournal>().Recent()[0];
        Assert.Equal((id, S2, "94", "SPOOL_OCUPADO", false, step), (record.CommandId, record.Tag, record.Actor, record.Outcome, record.Succeeded, record.Step));
    }

    [Fact]
    public async Task A_lock_conflict_is_decided_at_the_lock_step()
    {
        await using var plant = await PlantAsync(new Dictionary<string, string?> { ["Zeues:Locks:WaitSeconds"] = "0" });
        var locks = plant.Services.GetRequiredService<ISpoolLocks>();
        var held = await locks.AcquireAsync(S1, TimeSpan.FromSeconds(30), TimeSpan.Zero);
        Assert.NotNull(held);
        var id = Guid.NewGuid();

        Expect.Error(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM, commandId: id), ErrorCode.CONFLICTO_CONCURRENTE);

        var line = Assert.Single(_logs.CommandLines(id));
        Assert.Equal(("CONFLICTO_CONCURRENTE", CommandSteps.Lock), (line.Field("Outcome"), line.Field("Step")));
        var (command, steps) = _traces.Trace(id);
        Assert.Equal(CommandSteps.Lock, command.GetTagItem("zeues.step"));
        var lockSpan = Assert.Single(steps);
        Assert.Equal((CommandSteps.Lock, ActivityStatusCode.Error, "CONFLICTO_CONCURRENTE"), (lockSpan.OperationName, lockSpan.Status, lockSpan.StatusDescription));
        await locks.ReleaseAsync(held);
    }

    [Fact]
    public async Task A_workbook_failure_is_decided_at_the_batch_step_after_its_retries()
    {
        await using var plant = await PlantAsync();
        plant.Workbook.AfterRowWritten = (_, _) => throw new SqliteException("disk I/O error", 10);
        var id = Guid.NewGuid();

        Expect.Error(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM, commandId: id), ErrorCode.ALMACEN_NO_DISPONIBLE);

        var line = Assert.Single(_logs.CommandLines(id));
        Assert.Equal(("ALMACEN_NO_DISPONIBLE", CommandSteps.Batch, LogLevel.Warning), (line.Field("Outcome"), line.Field("Step"), line.Level));
        Assert.IsType<Zeues.Core.Workbook.WorkbookUnavailableException>(line.Exception);
        var (command, steps) = _traces.Trace(id);
        Assert.Equal((CommandSteps.Batch, ActivityStatusCode.Error), (command.GetTagItem("zeues.step"), command.Status));
        var batch = steps.Single(s => s.OperationName == CommandSteps.Batch);
        Assert.Equal(ActivityStatusCode.Error, batch.Status);
        Assert.Equal(3, batch.Events.Count(e => e.Name == "reintento"));
        Assert.Equal(3, plant.Services.GetRequiredService<ZeuesMetrics>().Figures().Retries);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains("apply: error"));
    }

    [Fact]
    public async Task An_internal_error_logs_the_same_reference_the_user_is_shown()
    {
        await using var plant = await PlantAsync();
        plant.Workbook.AfterRowWritten = (_, _) => throw new InvalidOperationException("fallo inesperado");
        var id = Guid.NewGuid();

        var error = Expect.Error(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM, commandId: id), ErrorCode.ERROR_INTERNO);

        var reference = (string)error.Data["ref"]!;
        Assert.Contains($"ref. {reference}", error.Message);
        var line = Assert.Single(_logs.CommandLines(id));
        Assert.Equal((LogLevel.Error, reference, CommandSteps.Batch), (line.Level, line.Field("Reference"), line.Field("Step")));
        Assert.Contains($"ref {reference}", line.Message);
        Assert.IsType<InvalidOperationException>(line.Exception);
        Assert.Equal(reference, plant.Services.GetRequiredService<CommandJournal>().Recent()[0].Reference);
    }

    [Fact]
    public void The_journal_keeps_only_the_last_200_commands_newest_first()
    {
        var journal = new CommandJournal();
        for (var i = 0; i < CommandJournal.Capacity + 5; i++)
            journal.Add(new CommandRecord(new DateTime(2026, 1, 22, 10, 0, 0).AddSeconds(i), Guid.NewGuid(), CommandType.INICIAR, $"T-{i}", "94", "INICIADO", true,
                CommandSteps.Publicacion, 1, null));

        var recent = journal.Recent();
        Assert.Equal(CommandJournal.Capacity, recent.Count);
        Assert.Equal(($"T-{CommandJournal.Capacity + 4}", "T-5"), (recent[0].Tag, recent[^1].Tag));
    }
}
