using Bunit;
using Zeues.Core.Queries;
using Zeues.Core.Setup;
using Zeues.Tests.Components;
using Zeues.Web.Components.Board;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.ShiftEnd;

public sealed class ShiftEndBoardTests : ComponentTest
{
    [Fact]
    public void The_board_shows_occupations_from_a_previous_shift_as_their_own_block()
    {
        var evening = FixturePlant.Now.Date.AddHours(18);
        var board = DashboardQuery.Build(Plant, evening, TimeSpan.FromHours(8), lastShiftEnd: evening.Date.AddHours(17.5));

        var block = Render<SinCierreBlock>(p => p.Add(b => b.Board, board));
        Assert.Contains("SIN CIERRE DE TURNO (3)", block.Find("[data-testid=sin-cierre] h2").TextContent);
        Assert.Equal([S2, S8, S5], block.FindAll("[data-tag]").Select(e => e.GetAttribute("data-tag")));
        var occupied = Render<OccupiedBoard>(p => p.Add(b => b.Board, board));
        Assert.Equal(3, occupied.FindAll("[data-testid=turno-anterior]").Count);
        Assert.All(occupied.FindAll("[data-testid=turno-anterior]"), e => Assert.Equal("DE UN TURNO ANTERIOR", e.TextContent));

        var morning = DashboardQuery.Build(Plant, FixturePlant.Now, TimeSpan.FromHours(8), lastShiftEnd: FixturePlant.Now.Date.AddDays(-1).AddHours(17.5));
        Assert.Empty(Render<SinCierreBlock>(p => p.Add(b => b.Board, morning)).FindAll("[data-testid=sin-cierre]"));
    }

    [Fact]
    public void The_fourteen_day_chart_lists_every_day_with_its_pulgadas_and_first_pass_yield()
    {
        var days = RecentDaysQuery.Build(Plant, FixturePlant.Today, RecentDaysQuery.Days);

        var chart = Render<RecentDaysChart>(p => p.Add(c => c.Days, days));

        Assert.Contains("ÚLTIMOS 14 DÍAS", chart.Find("h2").TextContent);
        Assert.Equal(14, chart.FindAll("tr[data-day]").Count);
        Assert.Contains("6.00", chart.Find("tr[data-day='20-01-2026']").TextContent);
        Assert.Equal("0% (0/1)", chart.Find("tr[data-day='11-01-2026'] [data-testid=fpy]").TextContent);
        Assert.Equal("—", chart.Find("tr[data-day='20-01-2026'] [data-testid=fpy]").TextContent);
        Assert.NotEmpty(chart.FindAll("svg"));
    }
}
