using Zeues.Core.Domain;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Workflows;

public sealed class LifecycleTests
{
    private static async Task<CommandOutcome> At(TestPlant plant, int hour, int minute, Func<Task<CommandResult>> command)
    {
        plant.SetNow(new DateTime(2026, 1, 23, hour, minute, 0));
        return Expect.Ok(await command());
    }

    private static Task<CommandResult> Inspect(TestPlant plant, ResultadoMetrologia resultado, string tag) =>
        plant.RunAsync(CommandType.METROLOGIA, tag, JM, resultado: resultado,
            motivo: resultado == ResultadoMetrologia.RECHAZADO ? MotivoRechazo.DIMENSIONAL : null);

    [Fact]
    public async Task A_v4_spool_goes_from_free_through_arm_sold_three_rejections_and_an_unblock_to_approval()
    {
        await using var plant = await TestPlant.CreateAsync();
        var start = await plant.MetadataCountAsync();
        async Task<object?> Estado() => await plant.CellAsync(S1, Col.EstadoDetalle);

        // ARM, partly by two workers.
        await At(plant, 8, 0, () => plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM));
        var first = await At(plant, 9, 30, () => plant.RunAsync(CommandType.FINALIZAR, S1, NR, Operacion.ARM, ["001+1"]));
        Assert.Equal(Resultado.PAUSADO, first.Resultado);
        Assert.Equal("ARM parcial 1/4 (pausado)", await Estado());
        Assert.Equal("23-01-2026 08:00:00", await plant.UnionCellAsync(S1, 1, Col.ArmInicio));
        Assert.Equal("23-01-2026 09:30:00", await plant.UnionCellAsync(S1, 1, Col.ArmFin));

        await At(plant, 10, 0, () => plant.RunAsync(CommandType.INICIAR, S1, MR, Operacion.ARM));
        Assert.Equal("NR(94)", await plant.CellAsync(S1, Col.Armador));
        Assert.Equal("MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)", await Estado());
        await At(plant, 11, 0, () => plant.RunAsync(CommandType.FINALIZAR, S1, MR, Operacion.ARM, ["001+2"]));
        Assert.Equal("ARM parcial 2/4 (pausado)", await Estado());
        Assert.Equal("MR(93)", await plant.UnionCellAsync(S1, 2, Col.ArmWorker));

        // ARM complete.
        await At(plant, 11, 15, () => plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM));
        var armed = await At(plant, 12, 0, () => plant.RunAsync(CommandType.FINALIZAR, S1, NR, Operacion.ARM, ["001+3", "001+4"]));
        Assert.Equal(Resultado.COMPLETADO, armed.Resultado);
        Assert.False(armed.MetrologiaLista);
        Assert.Equal("23-01-2026", await plant.CellAsync(S1, Col.FechaArmado));
        Assert.Equal("NR(94)", await plant.CellAsync(S1, Col.Armador));
        Assert.Equal("Disponible - ARM completado, SOLD pendiente", await Estado());
        Assert.Equal(4d, await plant.CellAsync(S1, Col.ArmCompletadas));
        Assert.Equal(8.5, await plant.CellAsync(S1, Col.PulgadasArm));

        // SOLD partial, then complete; the FW union needs no welding.
        await At(plant, 13, 0, () => plant.RunAsync(CommandType.INICIAR, S1, CP, Operacion.SOLD));
        Assert.Equal("CP(95) trabajando SOLD (ARM completado, SOLD en progreso)", await Estado());
        await At(plant, 14, 0, () => plant.RunAsync(CommandType.FINALIZAR, S1, CP, Operacion.SOLD, ["001+1"]));
        Assert.Equal("SOLD parcial 1/3 (pausado)", await Estado());
        await At(plant, 14, 30, () => plant.RunAsync(CommandType.INICIAR, S1, MR, Operacion.SOLD));
        Assert.Equal("CP(95)", await plant.CellAsync(S1, Col.Soldador));
        var welded = await At(plant, 16, 0, () => plant.RunAsync(CommandType.FINALIZAR, S1, MR, Operacion.SOLD, ["001+2", "001+3"]));
        Assert.Equal(Resultado.COMPLETADO, welded.Resultado);
        Assert.True(welded.MetrologiaLista);
        Assert.Equal("23-01-2026", await plant.CellAsync(S1, Col.FechaSoldadura));
        Assert.Equal("MR(93)", await plant.CellAsync(S1, Col.Soldador));
        Assert.Equal("En Cola Metrología", await Estado());
        Assert.Equal(3d, await plant.CellAsync(S1, Col.SoldCompletadas));
        Assert.Equal(5.5, await plant.CellAsync(S1, Col.PulgadasSold));
        Assert.Null(await plant.UnionCellAsync(S1, 4, Col.SolFin));

        // First rejection, repair, second rejection, repair, third rejection blocks.
        Assert.Equal(Resultado.RECHAZADO, (await At(plant, 16, 30, () => Inspect(plant, ResultadoMetrologia.RECHAZADO, S1))).Resultado);
        Assert.Equal("RECHAZADO (Ciclo 1/3) - Pendiente reparación", await Estado());
        await At(plant, 17, 0, () => plant.RunAsync(CommandType.INICIAR, S1, MR, Operacion.REPARACION));
        Assert.Equal("EN_REPARACION (Ciclo 1/3) - Ocupado: MR(93)", await Estado());
        await At(plant, 17, 20, () => plant.RunAsync(CommandType.PAUSAR, S1, MR, Operacion.REPARACION));
        Assert.Equal("REPARACION_PAUSADA (Ciclo 1/3)", await Estado());
        await At(plant, 17, 30, () => plant.RunAsync(CommandType.INICIAR, S1, CP, Operacion.REPARACION));
        await At(plant, 18, 0, () => plant.RunAsync(CommandType.COMPLETAR, S1, CP, Operacion.REPARACION));
        Assert.Equal("PENDIENTE_METROLOGIA (Ciclo 1/3)", await Estado());

        await At(plant, 18, 30, () => Inspect(plant, ResultadoMetrologia.RECHAZADO, S1));
        Assert.Equal("RECHAZADO (Ciclo 2/3) - Pendiente reparación", await Estado());
        await At(plant, 19, 0, () => plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.REPARACION));
        await At(plant, 19, 30, () => plant.RunAsync(CommandType.COMPLETAR, S1, NR, Operacion.REPARACION));
        Assert.Equal("PENDIENTE_METROLOGIA (Ciclo 2/3)", await Estado());

        var blocked = await At(plant, 20, 0, () => Inspect(plant, ResultadoMetrologia.RECHAZADO, S1));
        Assert.Equal(Resultado.BLOQUEADO, blocked.Resultado);
        Assert.Equal(DisplayState.BLOQUEADO, blocked.DisplayState);
        Assert.Equal("BLOQUEADO - Contactar supervisor", await Estado());
        Expect.Error(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.REPARACION), ErrorCode.SPOOL_BLOQUEADO);

        // Supervisor unblocks: one more repair, then approval.
        await At(plant, 20, 30, () => plant.SupervisorAsync(CommandType.DESBLOQUEAR, S1, "revisión con calidad"));
        Assert.Equal("RECHAZADO (Ciclo 2/3) - Pendiente reparación", await Estado());
        await At(plant, 21, 0, () => plant.RunAsync(CommandType.INICIAR, S1, MR, Operacion.REPARACION));
        await At(plant, 21, 30, () => plant.RunAsync(CommandType.COMPLETAR, S1, MR, Operacion.REPARACION));
        var approved = await At(plant, 22, 0, () => Inspect(plant, ResultadoMetrologia.APROBADO, S1));
        Assert.Equal(Resultado.APROBADO, approved.Resultado);
        Assert.Equal("METROLOGIA APROBADO ✓", await Estado());
        Assert.Equal("23-01-2026", await plant.CellAsync(S1, Col.FechaQc));

        // The unions and dates written on the way were never touched by the quality track.
        Assert.Equal("23-01-2026", await plant.CellAsync(S1, Col.FechaArmado));
        Assert.Equal("23-01-2026", await plant.CellAsync(S1, Col.FechaSoldadura));
        Assert.Null(await plant.CellAsync(S1, Col.OcupadoPor));
        Assert.Equal(4d, await plant.CellAsync(S1, Col.TotalUniones));
        var events = (await plant.AuditRowsAsync(skip: start)).Select(r => r.EventoTipo as string).ToList();
        Assert.Equal(4, events.Count(e => e == "UNION_ARM_REGISTRADA"));
        Assert.Equal(3, events.Count(e => e == "UNION_SOLD_REGISTRADA"));
        Assert.Equal(3, events.Count(e => e == "METROLOGIA_RECHAZADA"));
        Assert.Equal(4, events.Count(e => e == "METROLOGIA_LISTA"));
        Assert.Single(events, e => e == "SUPERVISOR_OVERRIDE");
        Assert.Single(events, e => e == "METROLOGIA_APROBADA");
    }

    [Fact]
    public async Task A_v3_spool_goes_from_free_through_spool_level_arm_and_sold_to_approval_without_counters()
    {
        await using var plant = await TestPlant.CreateAsync();
        async Task<object?> Estado() => await plant.CellAsync(S9, Col.EstadoDetalle);

        await At(plant, 8, 0, () => plant.RunAsync(CommandType.INICIAR, S9, NR, Operacion.ARM));
        await At(plant, 9, 0, () => plant.RunAsync(CommandType.PAUSAR, S9, NR, Operacion.ARM));
        Assert.Equal("Disponible - ARM pausado, SOLD pendiente", await Estado());
        Expect.Error(await plant.RunAsync(CommandType.INICIAR, S9, CP, Operacion.SOLD), ErrorCode.DEPENDENCIAS_NO_SATISFECHAS);

        await At(plant, 10, 0, () => plant.RunAsync(CommandType.INICIAR, S9, MR, Operacion.ARM));
        Assert.Equal("NR(94)", await plant.CellAsync(S9, Col.Armador));
        await At(plant, 11, 0, () => plant.RunAsync(CommandType.COMPLETAR, S9, MR, Operacion.ARM));
        Assert.Equal("23-01-2026", await plant.CellAsync(S9, Col.FechaArmado));
        Assert.Equal("MR(93)", await plant.CellAsync(S9, Col.Armador));
        Assert.Equal("Disponible - ARM completado, SOLD pendiente", await Estado());

        await At(plant, 12, 0, () => plant.RunAsync(CommandType.INICIAR, S9, CP, Operacion.SOLD));
        Assert.Equal("CP(95) trabajando SOLD (ARM completado, SOLD en progreso)", await Estado());
        await At(plant, 13, 0, () => plant.RunAsync(CommandType.PAUSAR, S9, CP, Operacion.SOLD));
        Assert.Equal("Disponible - ARM completado, SOLD pausado", await Estado());
        await At(plant, 14, 0, () => plant.RunAsync(CommandType.INICIAR, S9, JP, Operacion.SOLD));
        var welded = await At(plant, 15, 0, () => plant.RunAsync(CommandType.COMPLETAR, S9, JP, Operacion.SOLD));
        Assert.True(welded.MetrologiaLista);
        Assert.Equal("23-01-2026", await plant.CellAsync(S9, Col.FechaSoldadura));
        Assert.Equal("JP(97)", await plant.CellAsync(S9, Col.Soldador));
        Assert.Equal("En Cola Metrología", await Estado());

        await At(plant, 16, 0, () => Inspect(plant, ResultadoMetrologia.RECHAZADO, S9));
        await At(plant, 16, 30, () => plant.RunAsync(CommandType.INICIAR, S9, NR, Operacion.REPARACION));
        await At(plant, 17, 0, () => plant.RunAsync(CommandType.COMPLETAR, S9, NR, Operacion.REPARACION));
        Assert.Equal("PENDIENTE_METROLOGIA (Ciclo 1/3)", await Estado());
        await At(plant, 17, 30, () => Inspect(plant, ResultadoMetrologia.APROBADO, S9));
        Assert.Equal("METROLOGIA APROBADO ✓", await Estado());
        Assert.Equal("23-01-2026", await plant.CellAsync(S9, Col.FechaQc));

        foreach (var counter in new[] { Col.TotalUniones, Col.ArmCompletadas, Col.SoldCompletadas, Col.PulgadasArm, Col.PulgadasSold })
            Assert.Null(await plant.CellAsync(S9, counter));
    }
}
