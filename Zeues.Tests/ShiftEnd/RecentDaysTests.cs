using Microsoft.Extensions.DependencyInjection;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Setup;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.ShiftEnd;

public sealed class RecentDaysTests
{
    [Fact]
    public async Task The_last_fourteen_days_carry_each_days_pulgadas_and_metrology_first_pass_yield()
    {
        await using var plant = await TestPlant.CreateAsync();
        // On the 22nd S6 passes its first inspection; on the 23rd S14 is approved in its third cycle, which is no first pass.
        Expect.Ok(await plant.RunAsync(CommandType.METROLOGIA, S6, JM, resultado: ResultadoMetrologia.APROBADO));
        plant.SetNow(FixturePlant.Now.AddDays(1));
        Expect.Ok(await plant.RunAsync(CommandType.METROLOGIA, S14, JM, resultado: ResultadoMetrologia.APROBADO));

        var days = await plant.Services.GetRequiredService<RecentDaysQuery>().GetAsync();

        Assert.Equal(14, days.Count);
        Assert.Equal(new DateOnly(2026, 1, 10), days[0].Fecha);
        Assert.Equal(new DateOnly(2026, 1, 23), days[^1].Fecha);
        string Day(int d) => days.Single(x => x.Fecha.Day == d) is var f
            ? $"{Pulgadas.Text(f.PulgadasArm)} {Pulgadas.Text(f.PulgadasSold)} {f.AprobadasPrimera}/{f.PrimerasInspecciones}" : "";
        Assert.Equal("0.00 13.00 0/0", Day(10));
        Assert.Equal("0.00 0.00 0/1", Day(11));     // the fixture's older COMPLETAR_METROLOGIA RECHAZADO of S7: its first result
        Assert.Equal("5.50 0.00 0/0", Day(12));
        Assert.Equal("0.00 4.00 0/0", Day(14));
        Assert.Equal("11.50 0.00 0/0", Day(15));
        Assert.Equal("14.00 0.00 0/0", Day(16));
        Assert.Equal("6.00 8.00 0/0", Day(20));
        Assert.Equal("4.00 0.00 0/0", Day(21));
        Assert.Equal("0.00 0.00 1/1", Day(22));
        Assert.Equal("0.00 0.00 0/0", Day(23));
        Assert.Equal(0m, days.Single(x => x.Fecha.Day == 11).PrimeraPasada);
        Assert.Equal(1m, days.Single(x => x.Fecha.Day == 22).PrimeraPasada);
        Assert.Null(days.Single(x => x.Fecha.Day == 23).PrimeraPasada);
    }

    [Fact]
    public async Task Boards_asking_about_one_snapshot_share_its_answer_and_a_change_or_a_new_day_gives_a_new_one()
    {
        await using var plant = await TestPlant.CreateAsync();
        var query = plant.Services.GetRequiredService<RecentDaysQuery>();
        var first = await query.GetAsync();

        Assert.Same(first, await query.GetAsync());

        Expect.Ok(await plant.RunAsync(CommandType.METROLOGIA, S6, JM, resultado: ResultadoMetrologia.APROBADO));
        var changed = await query.GetAsync();
        Assert.Equal((0, 1), (first[^1].AprobadasPrimera, changed[^1].AprobadasPrimera));
        plant.SetNow(FixturePlant.Now.AddDays(1));
        Assert.Equal(new DateOnly(2026, 1, 23), (await query.GetAsync())[^1].Fecha);
    }
}
