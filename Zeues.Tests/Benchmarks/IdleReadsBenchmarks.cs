using Microsoft.Playwright;
using Zeues.Tests.Fakes;
using Zeues.Tests.Support;

namespace Zeues.Tests.Benchmarks;

/// <summary>
/// Spreadsheet reads of an idle node on the GoogleSheets provider: the timed refresh reads the sheet,
/// open circuits read only the in-memory snapshot, so the rate must not grow with the number of screens.
/// </summary>
[Collection(BenchmarkCollection.Name)]
[Trait("Category", "Benchmark")]
public sealed class IdleReadsBenchmarks(Chromium chromium) : Zeues.Tests.E2E.BrowserTest(chromium)
{
    private const int Circuits = 50;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private static int Reads(FakeSheetsServer fake) => Volatile.Read(ref fake.BatchGets) + Volatile.Read(ref fake.Gets);

    [Fact]
    public async Task An_idle_node_reads_the_spreadsheet_at_the_refresh_rate_with_one_or_fifty_open_circuits()
    {
        await using var fake = await FakeSheetsServer.StartAsync();
        var settings = new Dictionary<string, string?>(TestPlant.GoogleSettings(fake))
        {
            // The shipped default, written out so the measurement states what it assumes.
            ["Zeues:GoogleSheets:RefreshSeconds"] = "30",
            // A spreadsheet-backed deployment must set its own supervisor password; the demo's is refused.
            ["Zeues:Supervisor:PasswordHash"] = Zeues.Web.Admin.SupervisorPassword.Hash("bench-clave"),
        };
        await using var app = new AppServer(settings: settings);
        var pages = new List<IPage> { await Chromium.OpenAsync(new Uri(app.BaseAddress, "/dashboard")) };
        try
        {
            var withOne = await ReadsOverWindowAsync(fake);
            BenchOut.Row("Sheets reads per minute, idle node, 1 open circuit", withOne, "reads/min",
                $"GoogleSheets provider on the fake server, RefreshSeconds 30, counted over {Window.TotalSeconds:0} s");

            var beforeOpening = Reads(fake);
            while (pages.Count < Circuits) pages.Add(await Chromium.OpenAsync(new Uri(app.BaseAddress, "/dashboard")));
            var whileOpening = Reads(fake) - beforeOpening;
            Assert.Equal(Circuits, pages.Count);
            foreach (var page in pages) await page.Locator("[data-interactive='true']").WaitForAsync();

            var withFifty = await ReadsOverWindowAsync(fake);
            BenchOut.Row($"Sheets reads per minute, idle node, {Circuits} open circuits", withFifty, "reads/min",
                $"{Circuits} Chromium contexts on /dashboard, each an interactive Blazor circuit; counted over {Window.TotalSeconds:0} s");
            BenchOut.Row($"Sheets reads while opening {Circuits - 1} more circuits", whileOpening, "reads",
                "reads made by the node while the pages loaded (the timed refresh included)");
        }
        finally
        {
            foreach (var page in pages) await page.Context.CloseAsync();
        }
    }

    private static async Task<double> ReadsOverWindowAsync(FakeSheetsServer fake)
    {
        var before = Reads(fake);
        await Task.Delay(Window);
        return (Reads(fake) - before) / Window.TotalMinutes;
    }
}
