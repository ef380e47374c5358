using Zeues.Core.Domain;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Workflows;

public sealed class V3PausarCompletarTests
{
    [Fact]
    public async Task Pausar_on_a_v4_spool_is_refused_with_version_incompatible()
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.PAUSAR, S2, MR, Operacion.ARM), ErrorCode.VERSION_INCOMPATIBLE);

        Assert.Equal($"El spool {S2} tiene uniones (v4.0): usa FINALIZAR y selecciona las uniones trabajadas", error.Message);
        Assert.Empty(await plant.ChangesSinceAsync(image));
    }

    [Fact]
    public async Task Completar_on_a_v4_spool_is_refused_with_version_incompatible()
    {
        await using var plant = await TestPlant.CreateAsync();

        Expect.Error(await plant.RunAsync(CommandType.COMPLETAR, S5, CP, Operacion.SOLD), ErrorCode.VERSION_INCOMPATIBLE);
    }

    [Fact]
    public async Task Pausar_arm_on_a_v3_spool_frees_it_and_keeps_the_armador()
    {
        await using var plant = await TestPlant.CreateAsync();
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S9, NR, Operacion.ARM));
        plant.SetNow(new DateTime(2026, 1, 22, 12, 30, 0));
        var image = await plant.CaptureAsync();

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.PAUSAR, S9, NR, Operacion.ARM));

        Assert.Equal(Resultado.PAUSADO, outcome.Resultado);
        Assert.Equal($"Trabajo pausado en {S9}", outcome.Mensaje);
        Assert.Null(await plant.CellAsync(S9, Col.OcupadoPor));
        Assert.Null(await plant.CellAsync(S9, Col.FechaOcupacion));
        Assert.Equal("NR(94)", await plant.CellAsync(S9, Col.Armador));
        Assert.Equal("Disponible - ARM pausado, SOLD pendiente", await plant.CellAsync(S9, Col.EstadoDetalle));
        Assert.Equal(["10:Estado_Detalle", "10:Fecha_Ocupacion", "10:Ocupado_Por"], (await plant.ChangesSinceAsync(image)).Cells(Sheets.Operaciones));
        var row = Assert.Single(await plant.AuditRowsAsync(outcome.CommandId));
        Assert.Equal("PAUSAR_SPOOL", row.EventoTipo);
        Assert.Equal("PAUSAR", row.Json("comando"));
        Assert.Equal("22-01-2026 10:00:00", row.Json("fecha_ocupacion"));
        Assert.Equal("150", row.Json("duracion_min"));
        Assert.Equal("v3.0", row.Json("version_spool"));
    }

    [Fact]
    public async Task Completar_arm_on_a_v3_spool_writes_fecha_armado()
    {
        await using var plant = await TestPlant.CreateAsync();
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S9, NR, Operacion.ARM));

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.COMPLETAR, S9, NR, Operacion.ARM));

        Assert.Equal(Resultado.COMPLETADO, outcome.Resultado);
        Assert.Equal($"ARMADO completado en {S9}", outcome.Mensaje);
        Assert.Equal("22-01-2026", await plant.CellAsync(S9, Col.FechaArmado));
        Assert.Equal("NR(94)", await plant.CellAsync(S9, Col.Armador));
        Assert.Null(await plant.CellAsync(S9, Col.FechaSoldadura));
        Assert.Null(await plant.CellAsync(S9, Col.OcupadoPor));
        Assert.Equal("Disponible - ARM completado, SOLD pendiente", await plant.CellAsync(S9, Col.EstadoDetalle));
        var row = Assert.Single(await plant.AuditRowsAsync(outcome.CommandId));
        Assert.Equal("COMPLETAR_SPOOL", row.EventoTipo);
        Assert.Equal("22-01-2026", row.Json("fecha_operacion"));
        Assert.Null(await plant.CellAsync(S9, Col.TotalUniones));
    }

    [Fact]
    public async Task Completar_sold_on_a_v3_spool_writes_fecha_soldadura_and_enters_the_metrology_queue()
    {
        await using var plant = await TestPlant.CreateAsync();
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S10, CP, Operacion.SOLD));

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.COMPLETAR, S10, CP, Operacion.SOLD));

        Assert.Equal($"SOLDADURA completado en {S10} — listo para metrología", outcome.Mensaje);
        Assert.True(outcome.MetrologiaLista);
        Assert.Equal("22-01-2026", await plant.CellAsync(S10, Col.FechaSoldadura));
        Assert.Equal("29-12-2025", await plant.CellAsync(S10, Col.FechaArmado));
        Assert.Equal("JP(97)", await plant.CellAsync(S10, Col.Armador));
        Assert.Equal("CP(95)", await plant.CellAsync(S10, Col.Soldador));
        Assert.Equal("En Cola Metrología", await plant.CellAsync(S10, Col.EstadoDetalle));
        var rows = await plant.AuditRowsAsync(outcome.CommandId);
        Assert.Equal(["COMPLETAR_SPOOL", "METROLOGIA_LISTA"], rows.Select(r => r.EventoTipo));
        Assert.Equal("SOLD", rows[0].Operacion);
        Assert.Equal("SOLD", rows[1].Json("origen"));
    }

    [Fact]
    public async Task Completar_sold_by_an_ayudante_records_the_ayudante_as_soldador()
    {
        await using var plant = await TestPlant.CreateAsync();
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S10, JP, Operacion.SOLD));

        Expect.Ok(await plant.RunAsync(CommandType.COMPLETAR, S10, JP, Operacion.SOLD));

        Assert.Equal("JP(97)", await plant.CellAsync(S10, Col.Soldador));
        Assert.Equal("22-01-2026", await plant.CellAsync(S10, Col.FechaSoldadura));
    }

    [Fact]
    public async Task Pausar_by_another_worker_is_refused_with_no_es_ocupante()
    {
        await using var plant = await TestPlant.CreateAsync();
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S9, NR, Operacion.ARM));

        var error = Expect.Error(await plant.RunAsync(CommandType.PAUSAR, S9, MR, Operacion.ARM), ErrorCode.NO_ES_OCUPANTE);

        Assert.Equal("NR(94)", error.Data["ocupante"]);
    }

    [Fact]
    public async Task Completar_on_a_free_v3_spool_is_refused_with_operacion_no_iniciada()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.COMPLETAR, S10, CP, Operacion.SOLD), ErrorCode.OPERACION_NO_INICIADA);

        Assert.Equal($"El spool {S10} no está ocupado: usa INICIAR", error.Message);
    }

    [Fact]
    public async Task Completar_sold_while_the_spool_is_occupied_for_arm_is_refused()
    {
        await using var plant = await TestPlant.CreateAsync();
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S9, MR, Operacion.ARM));

        Expect.Error(await plant.RunAsync(CommandType.COMPLETAR, S9, MR, Operacion.SOLD), ErrorCode.OPERACION_NO_INICIADA);

        Assert.Null(await plant.CellAsync(S9, Col.FechaSoldadura));
    }
}
