using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Zeues.Core.Queries;
using Zeues.Core.Setup;
using Zeues.Core.Workbook.Sqlite;
using Zeues.Tests.Fakes;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Benchmarks;

/// <summary>
/// Two nodes + Redis over a small and a large plant, on both providers: from a command posted to node A
/// to the row appearing in the DOM of the board open on node B (HTTP, the command, Redis pub/sub, B's
/// snapshot patch, the circuit's render and the SignalR diff), what the commands read, what node B
/// reads, what a timed refresh reads, the process's memory with 20 boards open, and on Google the
/// calls per command at 150 ms per Sheets call.
/// </summary>
[Collection(BenchmarkCollection.Name)]
[Trait("Category", "Benchmark")]
public sealed class PropagationBenchmarks(Chromium chromium) : Zeues.Tests.E2E.BrowserTest(chromium)
{
    private const int Takes = 10;
    private const int Circuits = 20;

    /// <summary>
    /// Records when the TAG's row shows in the occupied list, on the page's high-resolution clock made
    /// epoch-based (performance.timeOrigin + performance.now()); also the gap to Date.now() to show both clocks agree.
    /// </summary>
    private const string Watch = """
        tag => {
            window.__seen = null;
            const selector = `[data-testid=occupied] [data-tag='${tag}']`;
            const observer = new MutationObserver(() => {
                if (window.__seen === null && document.querySelector(selector)) {
                    window.__seen = performance.timeOrigin + performance.now();
                    window.__drift = window.__seen - Date.now();
                    observer.disconnect();
                }
            });
            observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
        }
        """;

    private static double EpochMs() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    [Theory]
    [InlineData("Sqlite", 40)]
    [InlineData("Sqlite", 5000)]
    [InlineData("GoogleSheets", 40)]
    [InlineData("GoogleSheets", 5000)]
    public async Task A_command_on_node_a_reaches_the_board_on_node_b(string provider, int spools)
    {
        var google = provider == "GoogleSheets";
        var metadata = spools * LargePlant.MetadataPerSpool;
        var label = $"{(google ? "Google Sheets (fake)" : "SQLite")}, {(spools > 100 ? $"{spools:N0} spools · {spools * LargePlant.UnionsPerSpool / 1000}k unions · {metadata / 1000}k Metadata" : $"{spools} spools")}";
        var rows = LargePlant.Build(spools, metadata);
        await using var fake = google ? await FakeSheetsServer.StartAsync(rows) : null;
        var path = TestPlant.NewPath();
        if (!google) await SqliteWorkbookInitializer.InitializeAsync(new SqliteWorkbook(path), () => rows);
        var prefix = RedisServer.Prefix($"bench-propagacion-{provider}-{spools}");
        Dictionary<string, string?> Settings(string account)
        {
            var settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:Redis"] = RedisServer.Shared,
                ["Zeues:Redis:Prefix"] = prefix,
                ["Zeues:Workbook:SeedDemo"] = "false",
                ["Zeues:Workbook:SqlitePath"] = path,
                // Timed refreshes are measured on their own below, not inside the command samples.
                ["Zeues:Snapshot:RefreshSeconds"] = "3600",
                ["Zeues:Supervisor:PasswordHash"] = Zeues.Web.Admin.SupervisorPassword.Hash("bench-clave"),
            };
            if (fake is not null)
            {
                foreach (var (k, v) in TestPlant.GoogleSettings(fake)) settings[k] = v;
                settings["Zeues:GoogleSheets:CredentialsJson"] = fake.CredentialsJson(account);
            }
            return settings;
        }
        CountingWorkbook aReads = null!, bReads = null!;
        await using var a = new AppServer(path, Settings("nodo-a"), CountingWorkbook.Install(c => aReads = c));
        await using var b = new AppServer(path, Settings("nodo-b"), CountingWorkbook.Install(c => bReads = c));
        using var http = a.Http();
        var board = await Chromium.OpenAsync(new Uri(b.BaseAddress, "/dashboard"), 1920, 1080);
        await board.Locator("[data-interactive='true']").WaitForAsync(new() { Timeout = 120_000 });
        var free = (await http.GetFromJsonAsync<JsonElement>("/api/spools?operacion=ARM&accion=INICIAR"))
            .GetProperty("items").EnumerateArray().Select(s => s.GetProperty("tag").GetString()!).ToList();
        Assert.NotEmpty(free);

        var propagation = new List<double>();
        var commands = new List<double>();
        var drift = 0d;
        long bytes = 0;
        var bBefore = 0;
        for (var i = 0; i <= Takes; i++)
        {
            var tag = free[i % free.Count];
            var selector = $"[data-testid=occupied] [data-tag='{tag}']";
            // The first take pays for JIT and first renders on both nodes: a warm-up, not a sample.
            if (i == 1)
            {
                bytes = fake is null ? 0 : Interlocked.Read(ref fake.ReadBytes);
                bBefore = bReads.Reads;
            }
            await board.EvaluateAsync(Watch, tag);
            var sent = EpochMs();
            var response = await http.PostAsJsonAsync("/api/commands", new { commandId = Guid.NewGuid(), type = "INICIAR", tag, workerId = NR, operacion = "ARM" });
            var answered = EpochMs();
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            try
            {
                await board.WaitForFunctionAsync("() => window.__seen !== null", null, new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 20 });
            }
            catch (TimeoutException)
            {
                var onB = (await b.Services.GetRequiredService<SnapshotCache>().GetAsync()).Find(tag);
                var html = await board.Locator("[data-testid=occupied]").InnerHTMLAsync();
                Assert.Fail($"take {i} {tag}: B has {onB?.OcupadoPor}; {html[..Math.Min(2000, html.Length)]}");
            }
            var seen = await board.EvaluateAsync<double>("() => window.__seen");
            drift = Math.Max(drift, Math.Abs(await board.EvaluateAsync<double>("() => window.__drift")));

            var cancelSent = EpochMs();
            var cancel = await http.PostAsJsonAsync("/api/commands", new { commandId = Guid.NewGuid(), type = "CANCELAR", tag, workerId = NR, operacion = "ARM" });
            var cancelAnswered = EpochMs();
            Assert.True(cancel.IsSuccessStatusCode, await cancel.Content.ReadAsStringAsync());
            await Assertions.Expect(board.Locator(selector)).ToHaveCountAsync(0, new() { Timeout = 30_000 });
            if (i > 0)
            {
                propagation.Add(seen - sent);
                commands.Add(answered - sent);
                commands.Add(cancelAnswered - cancelSent);
            }
        }
        var remoteReads = bReads.Reads - bBefore;

        Assert.Equal(Takes, propagation.Count);
        var notes = $"{Takes} INICIAR + {Takes} CANCELAR after 1 warm-up pair; POST /api/commands on node A; 2 Kestrel nodes + Redis, headless Chromium, same machine";
        BenchOut.Row($"Command p50 (POST /api/commands), {label}", BenchOut.Percentile(commands, 50), "ms", notes);
        BenchOut.Row($"Command p95 (POST /api/commands), {label}", BenchOut.Percentile(commands, 95), "ms", notes);
        if (fake is not null)
            BenchOut.Row($"Response bytes read per command, all nodes, {label}", (Interlocked.Read(ref fake.ReadBytes) - bytes) / 1024.0 / (2 * Takes), "KB",
                "values.batchGet response bodies counted on the fake Sheets server, both nodes, per command");
        BenchOut.Row($"Spreadsheet reads on node B for {2 * Takes} changes made on node A, {label}", remoteReads, "reads",
            "store calls made by node B (counted around its IWorkbook) while it applied node A's announced changes");
        var propagationNotes = $"MutationObserver on node B's /dashboard (page clock vs Date.now ≤ {drift:0.#} ms)";
        BenchOut.Row($"Propagation A → B's board DOM p50, {label}", BenchOut.Percentile(propagation, 50), "ms", propagationNotes);
        BenchOut.Row($"Propagation A → B's board DOM p95, {label}", BenchOut.Percentile(propagation, 95), "ms", propagationNotes);

        await TimedRefreshAsync(b, fake, label);
        await MemoryAsync(Settings("nodo-c"), label);
        if (fake is not null) await SlowSheetsAsync(http, fake, aReads, free, label);
    }

    /// <summary>Node B's timed refresh, run once: how long it takes, what it reads, and whether Metadata is read in full.</summary>
    private static async Task TimedRefreshAsync(AppServer node, FakeSheetsServer? fake, string label)
    {
        var cache = node.Services.GetRequiredService<SnapshotCache>();
        var fullBefore = cache.FullMetadataReads;
        var bytes = fake is null ? 0 : Interlocked.Read(ref fake.ReadBytes);
        var started = Stopwatch.GetTimestamp();
        await node.Services.GetRequiredService<SnapshotSync>().RefreshAsync("refresco");
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var full = cache.FullMetadataReads - fullBefore;
        BenchOut.Row($"Timed refresh reads Metadata in full, {label}", full == 0 ? "no" : $"yes ({full})", "",
            "SnapshotSync.RefreshAsync(\"refresco\") on node B: Operaciones + Uniones (+ Trabajadores/Roles every 300 s) + the Metadata rows after the last known");
        BenchOut.Row($"Timed refresh duration, {label}", elapsed, "ms",
            fake is null ? "one refresh on node B" : $"one refresh on node B, {(Interlocked.Read(ref fake.ReadBytes) - bytes) / 1024.0:0} KB read");
    }

    /// <summary>A third node in its own process, holding the plant with 20 boards open: its resident memory alone.</summary>
    private async Task MemoryAsync(Dictionary<string, string?> settings, string label)
    {
        await using var node = await NodeProcess.StartAsync(settings);
        var pages = new List<IPage>();
        while (pages.Count < Circuits) pages.Add(await Chromium.OpenAsync(new Uri(node.BaseAddress, "/dashboard")));
        foreach (var page in pages) await page.Locator("[data-interactive='true']").WaitForAsync(new() { Timeout = 120_000 });
        BenchOut.Row($"RSS per node, {Circuits} boards open, {label}", node.RssMegabytes(), "MB",
            "a third node as its own process (dotnet run of the built Zeues.Web), VmRSS once its 20 /dashboard circuits are interactive");
        foreach (var page in pages) await page.Context.CloseAsync();
    }

    /// <summary>At 150 ms per Sheets call a command stays one read and one batchUpdate.</summary>
    private static async Task SlowSheetsAsync(HttpClient http, FakeSheetsServer fake, CountingWorkbook aReads, IReadOnlyList<string> free, string label)
    {
        fake.Latency = TimeSpan.FromMilliseconds(150);
        var samples = new List<double>();
        var reads = aReads.Reads;
        var writes = Volatile.Read(ref fake.BatchUpdates);
        for (var i = 0; i < Takes; i++)
        {
            foreach (var type in new[] { "INICIAR", "CANCELAR" })
            {
                var started = Stopwatch.GetTimestamp();
                var response = await http.PostAsJsonAsync("/api/commands", new { commandId = Guid.NewGuid(), type, tag = free[i % free.Count], workerId = NR, operacion = "ARM" });
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            }
        }
        fake.Latency = TimeSpan.Zero;
        var perCommand = $"{(aReads.Reads - reads) / (2.0 * Takes):0.#} read(s) + {(Volatile.Read(ref fake.BatchUpdates) - writes) / (2.0 * Takes):0.#} batchUpdate";
        BenchOut.Row($"Sheets calls per command at 150 ms/call, {label}", perCommand, "per command", $"{2 * Takes} commands on node A, fake Sheets Latency 150 ms");
        BenchOut.Row($"Command p50 at 150 ms/call, {label}", BenchOut.Percentile(samples, 50), "ms", $"{2 * Takes} commands (INICIAR + CANCELAR) on node A");
    }
}
