using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Zeues.Core.Coordination;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Reading;
using Zeues.Core.Setup;
using Zeues.Core.Workbook;
using Zeues.Core.Workbook.Sqlite;
using Zeues.Tests.Support;
using Zeues.Web.Components.Board;

namespace Zeues.Tests.Benchmarks;

/// <summary>Snapshot load, board, list filter and board render for 5,000 spools, 50,000 unions and 100,000 Metadata rows read from a SQLite workbook.</summary>
[Collection(BenchmarkCollection.Name)]
[Trait("Category", "Benchmark")]
public sealed class LargePlantBenchmarks : IAsyncLifetime
{
    private const int Spools = 5000;
    private readonly string _path = TestPlant.NewPath();
    private static string Size => $"{Spools} spools, {Spools * LargePlant.UnionsPerSpool} unions, {Spools * LargePlant.MetadataPerSpool} Metadata rows";

    public async Task InitializeAsync() =>
        await SqliteWorkbookInitializer.InitializeAsync(new SqliteWorkbook(_path), () => LargePlant.Build(Spools, Spools * LargePlant.MetadataPerSpool));

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_path + suffix);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Snapshot_load_board_build_list_filter_and_board_render_for_five_thousand_spools()
    {
        var workbook = new SqliteWorkbook(_path);
        IReadOnlyDictionary<string, SheetData> sheets = null!;
        var reads = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            sheets = await workbook.ReadAsync(Sheets.All);
            if (i > 0) reads.Add(System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        BenchOut.Row("SQLite read of the five sheets p50", BenchOut.Percentile(reads, 50), "ms", $"{Size}; SqliteWorkbook.ReadAsync(Sheets.All), 5 runs after 1 warm-up");

        PlantSnapshot plant = null!;
        var load = BenchOut.Time(6, () => plant = PlantReader.Read(sheets, DateTimeOffset.UtcNow)).Skip(1).ToList();
        Assert.Equal(Spools, plant.Spools.Count);
        Assert.Equal(Spools * LargePlant.UnionsPerSpool, plant.Spools.Sum(s => s.Unions.Count));
        Assert.DoesNotContain(plant.Spools, s => s.HasDataError);
        BenchOut.Row("Snapshot load (PlantReader.Read) p50", BenchOut.Percentile(load, 50), "ms", $"{Size}; rows already read; 5 runs after 1 warm-up");
        var heap = SnapshotHeap(workbook);
        BenchOut.Row("Snapshot heap (what a node keeps of the read)", heap / 1024.0 / 1024, "MB",
            $"{Size}; GC.GetTotalMemory(true) with one snapshot alive and the rows it was read from collected");

        var now = FixturePlant.Now;
        DashboardSnapshot board = null!;
        var build = BenchOut.Time(11, () => board = DashboardQuery.Build(plant, now, TimeSpan.FromHours(8))).Skip(1).ToList();
        Assert.Equal(Spools, board.Total);
        Assert.Equal(plant.Spools.Count(s => s.IsOccupied), board.Occupied.Sum(g => g.Spools.Count));
        BenchOut.Row("Board build (DashboardQuery.Build) p50", BenchOut.Percentile(build, 50), "ms",
            $"{Size}; {board.Occupied.Sum(g => g.Spools.Count)} occupied, {board.MetrologyQueue.Count} in the metrology queue; 10 runs");

        PickerList list = null!;
        var search = BenchOut.Time(21, () => list = SpoolLists.Build(plant, Operacion.ARM, ListAccion.INICIAR, null, "CW-01", now)).Skip(1).ToList();
        Assert.NotEmpty(list.Items);
        Assert.All(list.Items, s => Assert.Contains("CW-01", s.Tag));
        BenchOut.Row("List filter (SpoolLists.Build, ARM INICIAR, search) p50", BenchOut.Percentile(search, 50), "ms",
            $"{Size}; search \"CW-01\" → {list.Items.Count} items; 20 runs");
        var all = BenchOut.Time(11, () => list = SpoolLists.Build(plant, Operacion.ARM, ListAccion.INICIAR, null, null, now)).Skip(1).ToList();
        BenchOut.Row("List build (SpoolLists.Build, ARM INICIAR, no search) p50", BenchOut.Percentile(all, 50), "ms",
            $"{Size}; {list.Items.Count} items; 10 runs");

        RenderBoard(board);
    }

    /// <summary>The managed heap one snapshot holds on its own: read, parsed, and the sheets it came from let go.</summary>
    private static long SnapshotHeap(SqliteWorkbook workbook)
    {
        static long Heap()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            return GC.GetTotalMemory(forceFullCollection: true);
        }
        var before = Heap();
        var kept = ReadSnapshot(workbook);
        var held = Heap() - before;
        Assert.Equal(Spools * LargePlant.MetadataPerSpool, kept.Metadata.Count(e => e.Tag?.StartsWith("BENCH-", StringComparison.Ordinal) == true));
        return held;
    }

    // Its own frame, so nothing of the read (the sheets, the task that returned them) outlives the call on this stack.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static PlantSnapshot ReadSnapshot(SqliteWorkbook workbook) =>
        PlantReader.Read(workbook.ReadAsync(Sheets.All).GetAwaiter().GetResult(), DateTimeOffset.UtcNow);

    /// <summary>The board's five components rendered to markup by bunit: the server-side render cost of one board update.</summary>
    private static void RenderBoard(DashboardSnapshot board)
    {
        using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(new CoordinationStatus(redisConfigured: false));
        ctx.SetRendererInfo(new RendererInfo("Server", true));
        var markup = 0;
        var renders = BenchOut.Time(6, () =>
        {
            markup = ctx.Render<StateTiles>(p => p.Add(c => c.Board, board)).Markup.Length
                     + ctx.Render<OccupiedBoard>(p => p.Add(c => c.Board, board)).Markup.Length
                     + ctx.Render<MetrologyQueueList>(p => p.Add(c => c.Board, board)).Markup.Length
                     + ctx.Render<RepairList>(p => p.Add(c => c.Board, board)).Markup.Length
                     + ctx.Render<PulgadasChart>(p => p.Add(c => c.Board, board)).Markup.Length;
        }).Skip(1).ToList();
        Assert.True(markup > 0);
        BenchOut.Row("Board render (bunit, 5 board components) p50", BenchOut.Percentile(renders, 50), "ms",
            $"{Size}; StateTiles + OccupiedBoard + MetrologyQueueList + RepairList + PulgadasChart, {markup / 1024} KB of markup; 5 runs after 1 warm-up");
    }
}
