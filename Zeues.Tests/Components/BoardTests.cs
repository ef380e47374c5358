using Bunit;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Workflows;
using Zeues.Web.Components.Board;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Components;

public sealed class BoardTests : ComponentTest
{
    private DashboardSnapshot Board() => DashboardQuery.Build(Plant, Zeues.Core.Setup.FixturePlant.Now, TimeSpan.FromHours(8));

    [Fact]
    public void State_tiles_count_every_display_state_and_the_total()
    {
        var tiles = Render<StateTiles>(p => p.Add(t => t.Board, Board()));
        Assert.Equal("4", tiles.Find("[data-state=LIBRE] .tile-number").TextContent);
        Assert.Equal("2", tiles.Find("[data-state=ERROR_DATOS] .tile-number").TextContent);
        Assert.Contains("ERROR DE DATOS", tiles.Find("[data-state=ERROR_DATOS]").TextContent);
        Assert.Equal("18", tiles.Find(".total .tile-number").TextContent);
    }

    [Fact]
    public void Occupied_spools_are_grouped_by_worker_with_server_elapsed_time()
    {
        var board = Render<OccupiedBoard>(p => p.Add(t => t.Board, Board()));
        Assert.Equal(["MR(93)", "CP(95)"], board.FindAll("[data-occupant]").Select(e => e.GetAttribute("data-occupant")));
        Assert.Contains("MR(93) · Mauricio Rodríguez · 2 spools", board.Find("[data-occupant='MR(93)'] .group-header").TextContent);
        Assert.Equal("1h 45m", board.Find($"[data-tag='{S2}'] [data-testid=elapsed]").TextContent.Trim());
        Assert.Contains("OCUPADOS AHORA (3)", board.Markup);
    }

    [Fact]
    public void A_long_occupation_is_flagged()
    {
        var board = DashboardQuery.Build(Plant, Zeues.Core.Setup.FixturePlant.Now.AddHours(8), TimeSpan.FromHours(8));
        var view = Render<OccupiedBoard>(p => p.Add(t => t.Board, board));
        Assert.Contains("long", view.Find($"[data-tag='{S2}']").ClassName);
        Assert.Contains("mud-warning-text", view.Find($"[data-tag='{S2}'] [data-testid=elapsed] svg").GetAttribute("class"));
    }

    [Fact]
    public void Occupied_rows_carry_their_badge_and_long_flag_as_markup_not_a_component_each()
    {
        // A large plant's board has hundreds of rows in every open board: a component per row is memory per row.
        var board = DashboardQuery.Build(Plant, Zeues.Core.Setup.FixturePlant.Now.AddHours(8), TimeSpan.FromHours(8));
        var view = Render<OccupiedBoard>(p => p.Add(t => t.Board, board));

        Assert.Equal("ARM", view.Find($"[data-tag='{S2}'] .op-badge[data-op=ARM]").TextContent);
        Assert.Equal(3, view.FindAll("[data-testid=elapsed] svg").Count);
        Assert.Empty(view.FindComponents<Zeues.Web.Components.Shared.OperationBadge>());
        Assert.Empty(view.FindComponents<MudBlazor.MudIcon>());
    }

    [Fact]
    public void The_metrology_queue_lists_longest_waiting_first_with_cycles()
    {
        var queue = Render<MetrologyQueueList>(p => p.Add(t => t.Board, Board()));
        Assert.Equal([S14, S6], queue.FindAll("[data-tag]").Select(e => e.GetAttribute("data-tag")));
        Assert.Contains("Ciclo 2/3", queue.Find($"[data-tag='{S14}']").TextContent);
    }

    [Fact]
    public void Repairs_and_blocks_show_state_cycle_and_occupant()
    {
        var repairs = Render<RepairList>(p => p.Add(t => t.Board, Board()));
        Assert.Equal([S7, S8, S15, S12], repairs.FindAll("[data-tag]").Select(e => e.GetAttribute("data-tag")));
        Assert.Contains("MR(93)", repairs.Find($"[data-tag='{S8}']").TextContent);
        Assert.Contains("BLOQUEADO", repairs.Find($"[data-tag='{S12}']").TextContent);
    }

    [Fact]
    public void Without_unions_today_the_pulgadas_section_says_so()
    {
        var chart = Render<PulgadasChart>(p => p.Add(t => t.Board, Board()));
        Assert.Contains("Sin uniones registradas hoy", chart.Markup);
    }

    [Fact]
    public async Task Todays_pulgadas_show_as_a_chart_and_a_table_per_worker()
    {
        await TestPlant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, ["002+2", "002+3"]);
        Plant = await TestPlant.ReadAsync();

        var chart = Render<PulgadasChart>(p => p.Add(t => t.Board, Board()));

        Assert.NotNull(chart.Find("svg"));
        Assert.Equal("MR(93)6.000.006.002", chart.Find("[data-worker='MR(93)']").TextContent.Replace(" ", ""));
        Assert.Contains("PLANTA", chart.Find("tr.total").TextContent);
    }
}
