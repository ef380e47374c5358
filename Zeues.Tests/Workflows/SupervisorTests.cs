using Zeues.Core.Domain;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Workflows;

public sealed class SupervisorTests
{
    [Fact]
    public async Task Liberar_frees_a_welding_spool_keeps_the_soldador_and_is_audited_as_supervisor()
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        var outcome = Expect.Ok(await plant.SupervisorAsync(CommandType.LIBERAR, S5, "turno terminado"));

        Assert.Equal(Resultado.LIBERADO, outcome.Resultado);
        Assert.Equal($"Spool {S5} liberado por supervisor", outcome.Mensaje);
        Assert.Null(await plant.CellAsync(S5, Col.OcupadoPor));
        Assert.Null(await plant.CellAsync(S5, Col.FechaOcupacion));
        Assert.Equal("CP(95)", await plant.CellAsync(S5, Col.Soldador));
        Assert.Equal("SOLD parcial 1/3 (pausado)", await plant.CellAsync(S5, Col.EstadoDetalle));
        var changes = await plant.ChangesSinceAsync(image);
        Assert.Equal(["6:Estado_Detalle", "6:Fecha_Ocupacion", "6:Ocupado_Por"], changes.Cells(Sheets.Operaciones));
        Assert.Empty(changes.Cells(Sheets.Uniones));
        var row = Assert.Single(await plant.AuditRowsAsync(outcome.CommandId));
        Assert.Equal("LIBERACION_FORZADA", row.EventoTipo);
        Assert.Equal("LIBERAR", row.Accion);
        Assert.Equal("SOLD", row.Operacion);
        Assert.Equal(0d, row.WorkerId);
        Assert.Equal("SUPERVISOR", row.WorkerNombre);
        Assert.Equal("Ana Supervisora", row.Json("supervisor"));
        Assert.Equal("CP(95)", row.Json("ocupante_anterior"));
        Assert.Equal("22-01-2026 07:40:00", row.Json("fecha_ocupacion"));
        Assert.Equal("140", row.Json("duracion_min"));
        Assert.Equal("turno terminado", row.Json("motivo"));
        Assert.Equal("LIBERAR", row.Json("comando"));
    }

    [Fact]
    public async Task Liberar_during_a_repair_pauses_the_repair()
    {
        await using var plant = await TestPlant.CreateAsync();

        var outcome = Expect.Ok(await plant.SupervisorAsync(CommandType.LIBERAR, S8, "turno terminado"));

        Assert.Equal("REPARACION_PAUSADA (Ciclo 2/3)", await plant.CellAsync(S8, Col.EstadoDetalle));
        Assert.Equal("REPARACION", Assert.Single(await plant.AuditRowsAsync(outcome.CommandId)).Operacion);
    }

    [Fact]
    public async Task Liberar_on_a_free_spool_is_refused_with_operacion_no_iniciada()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await plant.SupervisorAsync(CommandType.LIBERAR, S1, "turno terminado"), ErrorCode.OPERACION_NO_INICIADA);

        Assert.Equal($"El spool {S1} no está ocupado; no hay nada que liberar", error.Message);
    }

    [Fact]
    public async Task Liberar_frees_a_spool_held_by_an_unknown_occupant()
    {
        await using var plant = await TestPlant.CreateAsync();
        await plant.OfficeEditAsync(S1, Col.OcupadoPor, "Pedro");

        Expect.Ok(await plant.SupervisorAsync(CommandType.LIBERAR, S1, "nombre escrito a mano"));
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM));
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("  ")]
    public async Task Liberar_needs_a_motivo_of_at_least_three_characters(string motivo)
    {
        await using var plant = await TestPlant.CreateAsync();

        Expect.Error(await plant.SupervisorAsync(CommandType.LIBERAR, S5, motivo), ErrorCode.DATOS_INVALIDOS);

        Assert.Equal("CP(95)", await plant.CellAsync(S5, Col.OcupadoPor));
    }

    [Fact]
    public async Task Liberar_refuses_a_motivo_longer_than_200_characters()
    {
        await using var plant = await TestPlant.CreateAsync();

        Expect.Error(await plant.SupervisorAsync(CommandType.LIBERAR, S5, new string('x', 201)), ErrorCode.DATOS_INVALIDOS);
    }

    [Fact]
    public async Task A_supervisor_command_without_a_supervisor_session_is_refused()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.LIBERAR, S5, MR, texto: "turno terminado"), ErrorCode.ROL_NO_AUTORIZADO);

        Assert.Equal("Esta acción requiere una sesión de supervisor.", error.Message);
    }

    [Fact]
    public async Task Desbloquear_allows_one_more_repair_and_a_later_rejection_blocks_again()
    {
        await using var plant = await TestPlant.CreateAsync();

        var outcome = Expect.Ok(await plant.SupervisorAsync(CommandType.DESBLOQUEAR, S12, "revisión con calidad"));

        Assert.Equal(Resultado.DESBLOQUEADO, outcome.Resultado);
        Assert.Equal($"Spool {S12} desbloqueado: RECHAZADO (Ciclo 2/3)", outcome.Mensaje);
        Assert.Equal("RECHAZADO (Ciclo 2/3) - Pendiente reparación", await plant.CellAsync(S12, Col.EstadoDetalle));
        var row = Assert.Single(await plant.AuditRowsAsync(outcome.CommandId));
        Assert.Equal("SUPERVISOR_OVERRIDE", row.EventoTipo);
        Assert.Equal("DESBLOQUEAR", row.Accion);
        Assert.Equal("REPARACION", row.Operacion);
        Assert.Equal("BLOQUEADO - Contactar supervisor", row.Json("estado_anterior"));
        Assert.Equal("BLOQUEADO_TO_RECHAZADO", row.Json("override_type"));
        Assert.Equal("revisión con calidad", row.Json("motivo"));

        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S12, MR, Operacion.REPARACION));
        Assert.Equal("EN_REPARACION (Ciclo 2/3) - Ocupado: MR(93)", await plant.CellAsync(S12, Col.EstadoDetalle));
        Expect.Ok(await plant.RunAsync(CommandType.COMPLETAR, S12, MR, Operacion.REPARACION));
        Assert.Equal("PENDIENTE_METROLOGIA (Ciclo 2/3)", await plant.CellAsync(S12, Col.EstadoDetalle));
        Assert.Equal(Resultado.BLOQUEADO,
            Expect.Ok(await plant.RunAsync(CommandType.METROLOGIA, S12, JM, resultado: ResultadoMetrologia.RECHAZADO, motivo: MotivoRechazo.DIMENSIONAL)).Resultado);
        Assert.Equal("BLOQUEADO - Contactar supervisor", await plant.CellAsync(S12, Col.EstadoDetalle));
    }

    [Fact]
    public async Task Desbloquear_on_a_spool_that_is_not_blocked_is_refused()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await plant.SupervisorAsync(CommandType.DESBLOQUEAR, S7, "revisión con calidad"), ErrorCode.DEPENDENCIAS_NO_SATISFECHAS);

        Assert.EndsWith(": el spool no está BLOQUEADO.", error.Message);
    }

    [Theory]
    [InlineData(CommandType.LIBERAR)]
    [InlineData(CommandType.DESBLOQUEAR)]
    public async Task A_short_motivo_on_an_unknown_tag_is_datos_invalidos_because_the_motivo_is_checked_first(CommandType type)
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await plant.SupervisorAsync(type, "NO-EXISTE", "ok"), ErrorCode.DATOS_INVALIDOS);

        Assert.Equal("Datos no válidos: el motivo debe tener entre 3 y 200 caracteres.", error.Message);
    }
}
