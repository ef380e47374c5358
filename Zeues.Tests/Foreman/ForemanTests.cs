using Microsoft.Extensions.DependencyInjection;
using Zeues.Core.Domain;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Foreman;

/// <summary>FLOOR F2: a supervisor records for a worker, exactly as that worker's own command, named in every Metadata row.</summary>
public sealed class ForemanTests
{
    private const string Ana = "Ana Supervisora";

    private static Task<CommandResult> ForAsync(TestPlant plant, int worker, CommandType type, string tag, Operacion op, IReadOnlyList<string>? unions = null) =>
        plant.Commands.ExecuteAsync(new CommandRequest(Guid.NewGuid(), type, tag, Actor.RecordedBy(worker, Ana), op, unions));

    [Fact]
    public async Task An_iniciar_recorded_by_a_supervisor_is_the_workers_own_occupation_with_registrado_por()
    {
        await using var plant = await TestPlant.CreateAsync();

        var outcome = Expect.Ok(await ForAsync(plant, MR, CommandType.INICIAR, S1, Operacion.ARM));

        Assert.Equal($"Spool {S1} iniciado: ARMADO por MR(93)", outcome.Mensaje);
        Assert.Equal("MR(93)", await plant.CellAsync(S1, Col.OcupadoPor));
        Assert.Equal("MR(93)", await plant.CellAsync(S1, Col.Armador));
        var row = Assert.Single(await plant.AuditRowsAsync(outcome.CommandId));
        Assert.Equal(93d, row.WorkerId);
        Assert.Equal("MR(93)", row.WorkerNombre);
        Assert.Equal(Ana, row.Json("registrado_por"));
        Assert.Equal("MR(93)", row.Json("ocupado_por"));
    }

    [Fact]
    public async Task Every_metadata_row_of_a_recorded_command_names_the_supervisor()
    {
        await using var plant = await TestPlant.CreateAsync();
        Expect.Ok(await ForAsync(plant, NR, CommandType.INICIAR, S18, Operacion.ARM));

        var outcome = Expect.Ok(await ForAsync(plant, NR, CommandType.FINALIZAR, S18, Operacion.ARM, ["018+1"]));

        var rows = await plant.AuditRowsAsync(outcome.CommandId);
        Assert.Equal(["COMPLETAR_SPOOL", "UNION_ARM_REGISTRADA", "METROLOGIA_LISTA"], rows.Select(r => r.EventoTipo));
        Assert.All(rows, r => Assert.Equal(Ana, r.Json("registrado_por")));
        Assert.All(rows, r => Assert.Equal("NR(94)", r.WorkerNombre));
        Assert.Equal("NR(94)", await plant.UnionCellAsync(S18, 1, Col.ArmWorker));
    }

    [Fact]
    public async Task The_workers_roles_and_occupant_rules_still_decide()
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        Expect.Error(await ForAsync(plant, NR, CommandType.INICIAR, S3, Operacion.SOLD), ErrorCode.ROL_NO_AUTORIZADO);
        Expect.Error(await ForAsync(plant, NR, CommandType.FINALIZAR, S2, Operacion.ARM, ["002+2"]), ErrorCode.NO_ES_OCUPANTE);
        Assert.Empty(await plant.ChangesSinceAsync(image));
    }

    [Fact]
    public async Task A_supervisor_command_cannot_be_recorded_for_a_worker()
    {
        await using var plant = await TestPlant.CreateAsync();

        Expect.Error(await plant.Commands.ExecuteAsync(new CommandRequest(Guid.NewGuid(), CommandType.LIBERAR, S5, Actor.RecordedBy(MR, Ana), Texto: "fin de turno")),
            ErrorCode.ROL_NO_AUTORIZADO);
    }

    [Fact]
    public async Task Batch_assign_starts_each_spool_for_one_worker_with_per_tag_results()
    {
        await using var plant = await TestPlant.CreateAsync();

        var batch = await plant.Commands.StartManyAsync(Guid.NewGuid(), [S1, S3, S2, S18], Actor.RecordedBy(MR, Ana), Operacion.ARM);

        Assert.Equal("3 de 4 spools iniciados (1 con error)", batch.Resumen);
        Assert.Equal([true, true, false, true], batch.Items.Select(i => i.Result.Succeeded));
        Assert.Equal(ErrorCode.SPOOL_OCUPADO, batch.Items[2].Result.Error!.Code);
        foreach (var tag in new[] { S1, S3, S18 }) Assert.Equal("MR(93)", await plant.CellAsync(tag, Col.OcupadoPor));
        var rows = (await plant.AuditRowsAsync()).Where(r => r.EventoTipo is "INICIAR_SPOOL" && (string?)r.WorkerNombre == "MR(93)" && r.Json("registrado_por") == Ana);
        Assert.Equal(3, rows.Count());
    }
}
