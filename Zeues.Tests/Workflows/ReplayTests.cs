using Microsoft.Extensions.DependencyInjection;
using Zeues.Core.Domain;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Workflows;

public sealed class ReplayTests
{
    private static void AssertSameOutcome(CommandOutcome first, CommandOutcome replay)
    {
        Assert.True(replay.Replay);
        Assert.False(first.Replay);
        Assert.Equal(first.CommandId, replay.CommandId);
        Assert.Equal(first.Tag, replay.Tag);
        Assert.Equal(first.Resultado, replay.Resultado);
        Assert.Equal(first.Mensaje, replay.Mensaje);
        Assert.Equal(first.EstadoDetalle, replay.EstadoDetalle);
        Assert.Equal(first.UnionesProcesadas, replay.UnionesProcesadas);
        Assert.Equal(first.PulgadasProcesadas, replay.PulgadasProcesadas);
        Assert.Equal(first.MetrologiaLista, replay.MetrologiaLista);
    }

    [Fact]
    public async Task Repeating_a_finalizar_with_the_same_command_id_returns_the_first_outcome_and_writes_nothing()
    {
        await using var plant = await TestPlant.CreateAsync();
        var id = Guid.NewGuid();
        var first = Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, ["002+2", "002+3"], commandId: id));
        var image = await plant.CaptureAsync();

        var replay = Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, ["002+2", "002+3"], commandId: id));

        AssertSameOutcome(first, replay);
        Assert.Equal(first.DisplayState, replay.DisplayState);
        Assert.Empty(await plant.ChangesSinceAsync(image));
        Assert.Equal(3, (await plant.AuditRowsAsync(id)).Count);
    }

    [Fact]
    public async Task A_replay_that_completed_into_the_metrology_queue_says_so_again()
    {
        await using var plant = await TestPlant.CreateAsync();
        var id = Guid.NewGuid();
        var first = Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S5, CP, Operacion.SOLD, ["005+2", "005+3"], commandId: id));

        var replay = Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S5, CP, Operacion.SOLD, ["005+2", "005+3"], commandId: id));

        AssertSameOutcome(first, replay);
        Assert.True(replay.MetrologiaLista);
    }

    [Fact]
    public async Task A_replay_after_later_commands_still_returns_the_first_outcome()
    {
        await using var plant = await TestPlant.CreateAsync();
        var id = Guid.NewGuid();
        var first = Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM, commandId: id));
        Expect.Ok(await plant.RunAsync(CommandType.CANCELAR, S1, NR, Operacion.ARM));
        var image = await plant.CaptureAsync();

        var replay = Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM, commandId: id));

        AssertSameOutcome(first, replay);
        Assert.Null(await plant.CellAsync(S1, Col.OcupadoPor));
        Assert.Empty(await plant.ChangesSinceAsync(image));
    }

    [Fact]
    public async Task A_command_id_reused_for_another_tag_is_refused_and_writes_nothing()
    {
        await using var plant = await TestPlant.CreateAsync();
        var id = Guid.NewGuid();
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM, commandId: id));
        var image = await plant.CaptureAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.INICIAR, S3, NR, Operacion.ARM, commandId: id), ErrorCode.DATOS_INVALIDOS);

        Assert.Equal("Datos no válidos: identificador de comando repetido.", error.Message);
        Assert.Empty(await plant.ChangesSinceAsync(image));
    }

    [Fact]
    public async Task A_command_id_reused_for_another_command_on_the_same_tag_is_refused()
    {
        await using var plant = await TestPlant.CreateAsync();
        var id = Guid.NewGuid();
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM, commandId: id));

        var error = Expect.Error(await plant.RunAsync(CommandType.CANCELAR, S1, NR, Operacion.ARM, commandId: id), ErrorCode.DATOS_INVALIDOS);

        Assert.Contains("identificador de comando repetido", error.Message);
        Assert.Equal("NR(94)", await plant.CellAsync(S1, Col.OcupadoPor));
    }

    [Fact]
    public async Task A_command_id_from_the_stored_metadata_replays_on_a_node_that_never_saw_it()
    {
        await using var plant = await TestPlant.CreateAsync();
        var id = Guid.NewGuid();
        var first = Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, ["002+2"], commandId: id));
        await using var otherNode = plant.NewNode();
        var image = await plant.CaptureAsync();

        var replay = Expect.Ok(await otherNode.GetRequiredService<SpoolCommands>().ExecuteAsync(
            new CommandRequest(id, CommandType.FINALIZAR, S2, Actor.ForWorker(MR), Operacion.ARM, ["002+2"])));

        AssertSameOutcome(first, replay);
        Assert.Empty(await plant.ChangesSinceAsync(image));
    }

    [Fact]
    public async Task A_replay_reports_the_original_estado_detalle_and_the_display_state_it_stands_for()
    {
        await using var plant = await TestPlant.CreateAsync();
        var id = Guid.NewGuid();
        var first = Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM, commandId: id));
        Expect.Ok(await plant.RunAsync(CommandType.CANCELAR, S1, NR, Operacion.ARM));

        var replay = Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM, commandId: id));

        Assert.Equal(("NR(94) trabajando ARM (ARM en progreso, SOLD pendiente)", DisplayState.EN_PROGRESO), (first.EstadoDetalle, first.DisplayState));
        Assert.Equal((first.EstadoDetalle, first.DisplayState), (replay.EstadoDetalle, replay.DisplayState));
        // The spool view is today's spool: free again.
        Assert.Equal(DisplayState.LIBRE, replay.Spool.DisplayState);
    }

    [Theory]
    [InlineData("METROLOGIA APROBADO ✓", DisplayState.APROBADO)]
    [InlineData("BLOQUEADO - Contactar supervisor", DisplayState.BLOQUEADO)]
    [InlineData("EN_REPARACION (Ciclo 2/3) - Ocupado: MR(93)", DisplayState.EN_REPARACION)]
    [InlineData("REPARACION_PAUSADA (Ciclo 1/3)", DisplayState.PAUSADO)]
    [InlineData("RECHAZADO (Ciclo 1/3) - Pendiente reparación", DisplayState.RECHAZADO)]
    [InlineData("PENDIENTE_METROLOGIA (Ciclo 2/3)", DisplayState.PENDIENTE_METROLOGIA)]
    [InlineData("MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)", DisplayState.EN_PROGRESO)]
    [InlineData("En Cola Metrología", DisplayState.PENDIENTE_METROLOGIA)]
    [InlineData("ARM parcial 2/4, SOLD parcial 1/3 (pausado)", DisplayState.PAUSADO)]
    [InlineData("Disponible - ARM completado, SOLD pendiente", DisplayState.PAUSADO)]
    [InlineData("Disponible - ARM pendiente, SOLD pendiente", DisplayState.LIBRE)]
    public void Every_recorded_estado_detalle_reads_back_as_its_display_state(string recorded, DisplayState expected) =>
        Assert.Equal(expected, DisplayInfo.OfRecorded(recorded));
}
