using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Benchmarks;

/// <summary>
/// From a command posted to node A to the row appearing in the DOM of the board open on node B:
/// HTTP, the command, Redis pub/sub, B's snapshot reload, the circuit's render and the SignalR diff.
/// </summary>
[Collection(BenchmarkCollection.Name)]
[Trait("Category", "Benchmark")]
public sealed class PropagationBenchmarks(Chromium chromium) : Zeues.Tests.E2E.BrowserTest(chromium)
{
    private const int Takes = 10;

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

    [Fact]
    public async Task A_command_on_node_a_reaches_the_board_on_node_b()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = RedisServer.Shared,
            ["Zeues:Redis:Prefix"] = RedisServer.Prefix("bench-propagacion"),
        };
        // A creates and seeds the demo workbook; B then opens the same file, as a second process would.
        await using var a = new AppServer(settings: settings);
        await using var b = new AppServer(a.SqlitePath, settings);
        using var http = a.Http();
        var board = await Chromium.OpenAsync(new Uri(b.BaseAddress, "/dashboard"), 1920, 1080);
        var free = (await http.GetFromJsonAsync<JsonElement>("/api/spools?operacion=ARM&accion=INICIAR"))
            .GetProperty("items").EnumerateArray().Select(s => s.GetProperty("tag").GetString()!).ToList();
        Assert.NotEmpty(free);

        var propagation = new List<double>();
        var commands = new List<double>();
        var drift = 0d;
        for (var i = 0; i <= Takes; i++)
        {
            var tag = free[i % free.Count];
            var selector = $"[data-testid=occupied] [data-tag='{tag}']";
            await board.EvaluateAsync(Watch, tag);
            var sent = EpochMs();
            var response = await http.PostAsJsonAsync("/api/commands", new { commandId = Guid.NewGuid(), type = "INICIAR", tag, workerId = NR, operacion = "ARM" });
            var answered = EpochMs();
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            await board.WaitForFunctionAsync("() => window.__seen !== null", null, new PageWaitForFunctionOptions { Timeout = 15_000, PollingInterval = 20 });
            var seen = await board.EvaluateAsync<double>("() => window.__seen");
            drift = Math.Max(drift, Math.Abs(await board.EvaluateAsync<double>("() => window.__drift")));
            // The first take pays for JIT and first renders on both nodes: a warm-up, not a sample.
            if (i > 0)
            {
                propagation.Add(seen - sent);
                commands.Add(answered - sent);
            }

            var cancel = await http.PostAsJsonAsync("/api/commands", new { commandId = Guid.NewGuid(), type = "CANCELAR", tag, workerId = NR, operacion = "ARM" });
            Assert.True(cancel.IsSuccessStatusCode, await cancel.Content.ReadAsStringAsync());
            await Assertions.Expect(board.Locator(selector)).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        }

        Assert.Equal(Takes, propagation.Count);
        var notes = $"{Takes} takes after 1 warm-up; POST /api/commands INICIAR on node A → MutationObserver on node B's /dashboard; " +
                    $"2 Kestrel nodes on one SQLite file + Redis, headless Chromium, same machine clock (page clock vs Date.now ≤ {drift:0.#} ms)";
        BenchOut.Row("Propagation A → B's board DOM p50", BenchOut.Percentile(propagation, 50), "ms", notes);
        BenchOut.Row("Propagation A → B's board DOM p95", BenchOut.Percentile(propagation, 95), "ms", notes);
        BenchOut.Row("POST /api/commands INICIAR on node A p50 (SQLite)", BenchOut.Percentile(commands, 50), "ms", "the HTTP answer alone, same takes");
    }
}
