using Zeues.Core.Domain;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Workflows;

public sealed class CancelarTests
{
    [Fact]
    public async Task Cancelar_arm_on_a_v3_spool_clears_the_armador_it_set()
    {
        await using var plant = await TestPlant.CreateAsync();
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S9, NR, Operacion.ARM));

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.CANCELAR, S9, NR, Operacion.ARM));

        Assert.Equal(Resultado.CANCELADO, outcome.Resultado);
        Assert.Null(await plant.CellAsync(S9, Col.OcupadoPor));
        Assert.Null(await plant.CellAsync(S9, Col.FechaOcupacion));
        Assert.Null(await plant.CellAsync(S9, Col.Armador));
        Assert.Equal("Disponible - ARM pendiente, SOLD pendiente", await plant.CellAsync(S9, Col.EstadoDetalle));
        var row = Assert.Single(await plant.AuditRowsAsync(outcome.CommandId));
        Assert.Equal("CANCELAR_SPOOL", row.EventoTipo);
        Assert.Equal("cancelado", row.Json("motivo"));
        Assert.Equal("true", row.Json("trabajador_borrado"));
        Assert.Equal("0", row.Json("duracion_min"));
    }

    [Fact]
    public async Task Cancelar_sold_on_a_v3_spool_without_fecha_soldadura_clears_the_soldador()
    {
        await using var plant = await TestPlant.CreateAsync();
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S10, CP, Operacion.SOLD));

        Expect.Ok(await plant.RunAsync(CommandType.CANCELAR, S10, CP, Operacion.SOLD));

        Assert.Null(await plant.CellAsync(S10, Col.Soldador));
        Assert.Equal("JP(97)", await plant.CellAsync(S10, Col.Armador));
        Assert.Equal("Disponible - ARM completado, SOLD pendiente", await plant.CellAsync(S10, Col.EstadoDetalle));
    }

    [Fact]
    public async Task Cancelar_arm_on_a_v4_spool_keeps_an_armador_whose_unions_are_recorded()
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.CANCELAR, S2, MR, Operacion.ARM));

        Assert.Equal("NR(94)", await plant.CellAsync(S2, Col.Armador));
        Assert.Equal("ARM parcial 1/3 (pausado)", await plant.CellAsync(S2, Col.EstadoDetalle));
        var changes = await plant.ChangesSinceAsync(image);
        Assert.Equal(["3:Estado_Detalle", "3:Fecha_Ocupacion", "3:Ocupado_Por"], changes.Cells(Sheets.Operaciones));
        Assert.Empty(changes.Cells(Sheets.Uniones));
        var row = Assert.Single(await plant.AuditRowsAsync(outcome.CommandId));
        Assert.Equal("cancelado", row.Json("motivo"));
        Assert.Equal("false", row.Json("trabajador_borrado"));
        Assert.Equal("CANCELAR", row.Json("comando"));
    }

    [Fact]
    public async Task Cancelar_arm_on_a_v4_spool_without_recorded_unions_clears_the_armador()
    {
        await using var plant = await TestPlant.CreateAsync();
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM));

        Expect.Ok(await plant.RunAsync(CommandType.CANCELAR, S1, NR, Operacion.ARM));

        Assert.Null(await plant.CellAsync(S1, Col.Armador));
        Assert.Equal("Disponible - ARM pendiente, SOLD pendiente", await plant.CellAsync(S1, Col.EstadoDetalle));
    }

    [Fact]
    public async Task Cancelar_sold_keeps_the_soldador_when_a_union_was_welded()
    {
        await using var plant = await TestPlant.CreateAsync();

        Expect.Ok(await plant.RunAsync(CommandType.CANCELAR, S5, CP, Operacion.SOLD));

        Assert.Equal("CP(95)", await plant.CellAsync(S5, Col.Soldador));
        Assert.Equal("SOLD parcial 1/3 (pausado)", await plant.CellAsync(S5, Col.EstadoDetalle));
    }

    [Fact]
    public async Task Cancelar_by_another_worker_is_refused_and_writes_nothing()
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.CANCELAR, S5, MR, Operacion.SOLD), ErrorCode.NO_ES_OCUPANTE);

        Assert.Equal("CP(95)", error.Data["ocupante"]);
        Assert.Empty(await plant.ChangesSinceAsync(image));
    }

    [Fact]
    public async Task Cancelar_on_a_free_spool_is_refused_with_operacion_no_iniciada()
    {
        await using var plant = await TestPlant.CreateAsync();

        Expect.Error(await plant.RunAsync(CommandType.CANCELAR, S3, NR, Operacion.ARM), ErrorCode.OPERACION_NO_INICIADA);
    }
}
