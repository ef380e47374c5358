using Zeues.Core.Domain;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Workflows;

public sealed class MetrologiaTests
{
    private static Task<CommandResult> Inspect(TestPlant plant, string tag, ResultadoMetrologia resultado, int worker = JM) =>
        plant.RunAsync(CommandType.METROLOGIA, tag, worker, resultado: resultado,
            motivo: resultado == ResultadoMetrologia.RECHAZADO ? MotivoRechazo.DIMENSIONAL : null);

    [Fact]
    public async Task Aprobado_writes_the_metrology_date_and_the_approved_state()
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        var outcome = Expect.Ok(await Inspect(plant, S6, ResultadoMetrologia.APROBADO));

        Assert.Equal(Resultado.APROBADO, outcome.Resultado);
        Assert.Equal($"Metrología APROBADA para {S6}", outcome.Mensaje);
        Assert.Equal(DisplayState.APROBADO, outcome.DisplayState);
        Assert.Equal("22-01-2026", await plant.CellAsync(S6, Col.FechaQc));
        Assert.Equal("METROLOGIA APROBADO ✓", await plant.CellAsync(S6, Col.EstadoDetalle));
        Assert.Equal(["7:Estado_Detalle", "7:Fecha_QC_Metrología"], (await plant.ChangesSinceAsync(image)).Cells(Sheets.Operaciones));
        var row = Assert.Single(await plant.AuditRowsAsync(outcome.CommandId));
        Assert.Equal("METROLOGIA_APROBADA", row.EventoTipo);
        Assert.Equal("APROBAR", row.Accion);
        Assert.Equal("METROLOGIA", row.Operacion);
        Assert.Equal("APROBADO", row.Json("resultado"));
        Assert.Equal("0", row.Json("ciclo_previo"));
        Assert.Equal("METROLOGIA", row.Json("comando"));
    }

    [Fact]
    public async Task Aprobado_after_a_repair_cycle_resets_the_cycle()
    {
        await using var plant = await TestPlant.CreateAsync();

        var outcome = Expect.Ok(await Inspect(plant, S14, ResultadoMetrologia.APROBADO));

        Assert.Equal("METROLOGIA APROBADO ✓", await plant.CellAsync(S14, Col.EstadoDetalle));
        Assert.Equal("2", Assert.Single(await plant.AuditRowsAsync(outcome.CommandId)).Json("ciclo_previo"));
        Assert.Equal(0, outcome.Spool.Cycle);
    }

    [Fact]
    public async Task A_first_rejection_starts_cycle_one_and_writes_no_date()
    {
        await using var plant = await TestPlant.CreateAsync();

        var outcome = Expect.Ok(await Inspect(plant, S6, ResultadoMetrologia.RECHAZADO));

        Assert.Equal(Resultado.RECHAZADO, outcome.Resultado);
        Assert.Equal($"Metrología RECHAZADA para {S6}: Ciclo 1/3", outcome.Mensaje);
        Assert.Null(await plant.CellAsync(S6, Col.FechaQc));
        Assert.Equal("RECHAZADO (Ciclo 1/3) - Pendiente reparación", await plant.CellAsync(S6, Col.EstadoDetalle));
        var row = Assert.Single(await plant.AuditRowsAsync(outcome.CommandId));
        Assert.Equal("METROLOGIA_RECHAZADA", row.EventoTipo);
        Assert.Equal("RECHAZAR", row.Accion);
        Assert.Equal("RECHAZADO", row.Json("resultado"));
        Assert.Equal("1", row.Json("ciclo"));
        Assert.Equal("false", row.Json("bloqueado"));
    }

    [Fact]
    public async Task A_third_rejection_blocks_the_spool()
    {
        await using var plant = await TestPlant.CreateAsync();

        var outcome = Expect.Ok(await Inspect(plant, S14, ResultadoMetrologia.RECHAZADO));

        Assert.Equal(Resultado.BLOQUEADO, outcome.Resultado);
        Assert.Equal($"Metrología RECHAZADA para {S14}: spool BLOQUEADO", outcome.Mensaje);
        Assert.Equal("BLOQUEADO - Contactar supervisor", await plant.CellAsync(S14, Col.EstadoDetalle));
        var row = Assert.Single(await plant.AuditRowsAsync(outcome.CommandId));
        Assert.Equal("3", row.Json("ciclo"));
        Assert.Equal("true", row.Json("bloqueado"));
    }

    [Fact]
    public async Task Metrologia_on_a_rejected_spool_asks_for_a_repair_first()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await Inspect(plant, S7, ResultadoMetrologia.APROBADO), ErrorCode.DEPENDENCIAS_NO_SATISFECHAS);

        Assert.EndsWith(": el spool está RECHAZADO: primero debe repararse.", error.Message);
    }

    [Fact]
    public async Task Metrologia_on_an_occupied_spool_is_refused_naming_the_occupant()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await Inspect(plant, S8, ResultadoMetrologia.APROBADO), ErrorCode.SPOOL_OCUPADO);

        Assert.Equal("MR(93)", error.Data["ocupante"]);
    }

    [Fact]
    public async Task Metrologia_before_arm_is_complete_is_refused()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await Inspect(plant, S3, ResultadoMetrologia.APROBADO), ErrorCode.DEPENDENCIAS_NO_SATISFECHAS);

        Assert.EndsWith(": ARM no está completo.", error.Message);
    }

    [Fact]
    public async Task Metrologia_before_sold_is_complete_says_how_many_unions_are_welded()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await Inspect(plant, S4, ResultadoMetrologia.APROBADO), ErrorCode.DEPENDENCIAS_NO_SATISFECHAS);

        Assert.EndsWith(": SOLD no está completo (0/2 uniones soldadas).", error.Message);
    }

    [Fact]
    public async Task Metrologia_on_an_approved_spool_is_refused_with_operacion_ya_completada()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await Inspect(plant, S11, ResultadoMetrologia.RECHAZADO), ErrorCode.OPERACION_YA_COMPLETADA);

        Assert.Equal($"La metrología del spool {S11} ya fue aprobada", error.Message);
    }

    [Fact]
    public async Task Metrologia_on_a_blocked_spool_is_refused_with_spool_bloqueado()
    {
        await using var plant = await TestPlant.CreateAsync();

        Expect.Error(await Inspect(plant, S12, ResultadoMetrologia.APROBADO), ErrorCode.SPOOL_BLOQUEADO);
    }

    [Fact]
    public async Task Metrologia_by_a_worker_without_the_metrologia_role_is_refused()
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        var error = Expect.Error(await Inspect(plant, S6, ResultadoMetrologia.APROBADO, MR), ErrorCode.ROL_NO_AUTORIZADO);

        Assert.Equal("MR(93) no tiene un rol habilitado para METROLOGÍA (requiere Metrologia).", error.Message);
        Assert.Empty(await plant.ChangesSinceAsync(image));
    }

    [Fact]
    public async Task Metrologia_without_a_result_is_refused_as_invalid_input()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.METROLOGIA, S6, JM), ErrorCode.DATOS_INVALIDOS);

        Assert.StartsWith("Datos no válidos: ", error.Message);
        Assert.Equal(422, error.Status);
    }
}
