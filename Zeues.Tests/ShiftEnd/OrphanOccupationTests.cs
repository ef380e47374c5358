using Microsoft.Extensions.DependencyInjection;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.ShiftEnd;

public sealed class OrphanOccupationTests
{
    [Fact]
    public async Task Occupations_begun_before_the_last_shift_end_are_listed_on_the_board_and_in_admin()
    {
        await using var plant = await TestPlant.CreateAsync();
        var closeout = plant.Services.GetRequiredService<ShiftCloseout>();
        var board = plant.Services.GetRequiredService<DashboardQuery>();

        // 10:00: the three fixture occupations began this morning, after yesterday's 17:30 end.
        Assert.Empty(await closeout.OrphansAsync());
        Assert.Empty((await board.GetAsync()).SinCierre);

        plant.SetNow(new DateTime(2026, 1, 22, 18, 0, 0));
        Assert.Equal([S5, S2, S8], (await closeout.OrphansAsync()).Select(s => s.Tag));
        var sinCierre = (await board.GetAsync()).SinCierre;
        Assert.Equal(3, sinCierre.Sum(g => g.Spools.Count));
        Assert.Equal(["MR(93)", "CP(95)"], sinCierre.Select(g => g.Token));
        Assert.All((await board.GetAsync()).Occupied.SelectMany(g => g.Spools), s => Assert.True(s.TurnoAnterior));

        // A spool taken after 17:30 belongs to the shift running now.
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Zeues.Core.Domain.Operacion.ARM));
        Assert.DoesNotContain(S1, (await closeout.OrphansAsync()).Select(s => s.Tag));
        Assert.False((await board.GetAsync()).Occupied.SelectMany(g => g.Spools).Single(s => s.Tag == S1).TurnoAnterior);
    }

    [Fact]
    public async Task Releasing_all_listed_orphans_runs_one_audited_liberar_per_spool_with_the_shift_end_motivo()
    {
        await using var plant = await TestPlant.CreateAsync();
        var closeout = plant.Services.GetRequiredService<ShiftCloseout>();
        plant.SetNow(new DateTime(2026, 1, 23, 7, 0, 0));
        var preview = await closeout.OrphansAsync();
        Assert.Equal(3, preview.Count);

        var results = await closeout.ReleaseAsync(preview, "Ana Supervisora", ShiftCalendar.MotivoSinCierre);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Result?.Error?.Message ?? r.Omitido));
        Assert.Empty(await closeout.OrphansAsync());
        foreach (var tag in new[] { S2, S5, S8 }) Assert.Null(await plant.CellAsync(tag, Col.OcupadoPor));
        var ids = results.Select(r => r.Result!.Outcome!.CommandId).ToList();
        Assert.Equal(3, ids.Distinct().Count());
        foreach (var (id, tag) in ids.Zip(results.Select(r => r.Tag)))
        {
            var row = Assert.Single(await plant.AuditRowsAsync(id));
            Assert.Equal("LIBERACION_FORZADA", row.EventoTipo);
            Assert.Equal(tag, row.Tag);
            Assert.Equal("SUPERVISOR", row.WorkerNombre);
            Assert.Equal("Ana Supervisora", row.Json("supervisor"));
            Assert.Equal("Fin de turno sin cierre", row.Json("motivo"));
        }
    }

    [Fact]
    public async Task A_previewed_spool_closed_and_taken_again_in_this_shift_is_left_alone()
    {
        await using var plant = await TestPlant.CreateAsync();
        var closeout = plant.Services.GetRequiredService<ShiftCloseout>();
        plant.SetNow(new DateTime(2026, 1, 22, 18, 0, 0));
        var preview = await closeout.OrphansAsync();

        Expect.Ok(await plant.RunAsync(CommandType.CANCELAR, S2, MR, Zeues.Core.Domain.Operacion.ARM));
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S2, NR, Zeues.Core.Domain.Operacion.ARM));
        var results = await closeout.ReleaseAsync(preview, "Ana Supervisora", ShiftCalendar.MotivoSinCierre);

        var skipped = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(S2, skipped.Tag);
        Assert.Equal("ya no está sin cierre de turno", skipped.Omitido);
        Assert.Equal("NR(94)", await plant.CellAsync(S2, Col.OcupadoPor));
        Assert.Equal(2, results.Count(r => r.Succeeded));
    }
}
