using Zeues.Core.Domain;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Workflows;

public sealed class ReparacionTests
{
    [Fact]
    public async Task Iniciar_reparacion_on_a_rejected_spool_occupies_it_in_the_same_cycle()
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S7, MR, Operacion.REPARACION));

        Assert.Equal($"Reparación iniciada en {S7} (Ciclo 1/3)", outcome.Mensaje);
        Assert.Equal(DisplayState.EN_REPARACION, outcome.DisplayState);
        Assert.Equal("MR(93)", await plant.CellAsync(S7, Col.OcupadoPor));
        Assert.Equal("22-01-2026 10:00:00", await plant.CellAsync(S7, Col.FechaOcupacion));
        Assert.Equal("EN_REPARACION (Ciclo 1/3) - Ocupado: MR(93)", await plant.CellAsync(S7, Col.EstadoDetalle));
        Assert.Equal(["8:Estado_Detalle", "8:Fecha_Ocupacion", "8:Ocupado_Por"], (await plant.ChangesSinceAsync(image)).Cells(Sheets.Operaciones));
        var row = Assert.Single(await plant.AuditRowsAsync(outcome.CommandId));
        Assert.Equal("INICIAR_SPOOL", row.EventoTipo);
        Assert.Equal("REPARACION", row.Operacion);
        Assert.Equal("1", row.Json("ciclo"));
    }

    [Fact]
    public async Task Iniciar_reparacion_on_a_blocked_spool_is_refused()
    {
        await using var plant = await TestPlant.CreateAsync();

        Expect.Error(await plant.RunAsync(CommandType.INICIAR, S12, MR, Operacion.REPARACION), ErrorCode.SPOOL_BLOQUEADO);
    }

    [Fact]
    public async Task Iniciar_reparacion_on_a_spool_that_was_not_rejected_is_refused()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.INICIAR, S1, MR, Operacion.REPARACION), ErrorCode.DEPENDENCIAS_NO_SATISFECHAS);

        Assert.EndsWith(": solo spools RECHAZADOS o con REPARACION_PAUSADA pueden repararse.", error.Message);
    }

    [Fact]
    public async Task Iniciar_reparacion_by_an_inspector_is_refused_with_rol_no_autorizado()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.INICIAR, S7, JM, Operacion.REPARACION), ErrorCode.ROL_NO_AUTORIZADO);

        Assert.Equal("JM(96) no tiene un rol habilitado para REPARACIÓN (requiere Armador o Soldador).", error.Message);
    }

    [Fact]
    public async Task Iniciar_reparacion_resumes_a_paused_repair()
    {
        await using var plant = await TestPlant.CreateAsync();

        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S15, NR, Operacion.REPARACION));

        Assert.Equal("EN_REPARACION (Ciclo 1/3) - Ocupado: NR(94)", await plant.CellAsync(S15, Col.EstadoDetalle));
    }

    [Fact]
    public async Task Pausar_reparacion_frees_the_spool_and_keeps_the_cycle()
    {
        await using var plant = await TestPlant.CreateAsync();

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.PAUSAR, S8, MR, Operacion.REPARACION));

        Assert.Equal($"Reparación pausada en {S8}", outcome.Mensaje);
        Assert.Null(await plant.CellAsync(S8, Col.OcupadoPor));
        Assert.Null(await plant.CellAsync(S8, Col.FechaOcupacion));
        Assert.Equal("REPARACION_PAUSADA (Ciclo 2/3)", await plant.CellAsync(S8, Col.EstadoDetalle));
        var row = Assert.Single(await plant.AuditRowsAsync(outcome.CommandId));
        Assert.Equal("PAUSAR_SPOOL", row.EventoTipo);
        Assert.Equal("REPARACION", row.Operacion);
        Assert.Equal("2", row.Json("ciclo"));
        Assert.Equal("60", row.Json("duracion_min"));
    }

    [Fact]
    public async Task Cancelar_reparacion_returns_the_spool_to_rejected()
    {
        await using var plant = await TestPlant.CreateAsync();

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.CANCELAR, S8, MR, Operacion.REPARACION));

        Assert.Equal($"Reparación cancelada en {S8}", outcome.Mensaje);
        Assert.Equal("RECHAZADO (Ciclo 2/3) - Pendiente reparación", await plant.CellAsync(S8, Col.EstadoDetalle));
        Assert.Equal("CANCELAR_SPOOL", Assert.Single(await plant.AuditRowsAsync(outcome.CommandId)).EventoTipo);
    }

    [Fact]
    public async Task Completar_reparacion_sends_the_spool_back_to_metrology_and_leaves_the_work_untouched()
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.COMPLETAR, S8, MR, Operacion.REPARACION));

        Assert.Equal($"Reparación completada en {S8}: vuelve a metrología", outcome.Mensaje);
        Assert.True(outcome.MetrologiaLista);
        Assert.Equal("PENDIENTE_METROLOGIA (Ciclo 2/3)", await plant.CellAsync(S8, Col.EstadoDetalle));
        var changes = await plant.ChangesSinceAsync(image);
        Assert.Equal(["9:Estado_Detalle", "9:Fecha_Ocupacion", "9:Ocupado_Por"], changes.Cells(Sheets.Operaciones));
        Assert.Empty(changes.Cells(Sheets.Uniones));
        var rows = await plant.AuditRowsAsync(outcome.CommandId);
        Assert.Equal(["COMPLETAR_SPOOL", "METROLOGIA_LISTA"], rows.Select(r => r.EventoTipo));
        Assert.Equal("22-01-2026", rows[0].Json("fecha_operacion"));
        Assert.Equal("REPARACION", rows[1].Json("origen"));
        Assert.Equal("2", rows[1].Json("ciclo"));
    }

    [Fact]
    public async Task Pausar_reparacion_by_another_worker_is_refused_with_no_es_ocupante()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.PAUSAR, S8, NR, Operacion.REPARACION), ErrorCode.NO_ES_OCUPANTE);

        Assert.Equal("MR(93)", error.Data["ocupante"]);
    }

    [Fact]
    public async Task A_rejection_after_the_second_repair_blocks_the_spool()
    {
        await using var plant = await TestPlant.CreateAsync();
        Expect.Ok(await plant.RunAsync(CommandType.COMPLETAR, S8, MR, Operacion.REPARACION));

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.METROLOGIA, S8, JM, resultado: ResultadoMetrologia.RECHAZADO, motivo: MotivoRechazo.DIMENSIONAL));

        Assert.Equal(Resultado.BLOQUEADO, outcome.Resultado);
        Assert.Equal("BLOQUEADO - Contactar supervisor", await plant.CellAsync(S8, Col.EstadoDetalle));
    }
}
