using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Zeues.Core.Domain;
using Zeues.Core.Reading;
using Zeues.Core.Workbook;
using Zeues.Core.Workbook.Sqlite;
using Zeues.Core.Workflows;
using Zeues.Tests.E2E;
using Zeues.Tests.E2E.Pages;
using Zeues.Tests.Support;

namespace Zeues.Tests.Reliability;

/// <summary>
/// About a minute of plant life: two real nodes (Kestrel) on one SQLite workbook and one Redis,
/// 40 simulated tablets posting random valid workflows to /api/commands, and Chromium watching
/// /dashboard on one node and /trabajo on the other. The invariants are checked at the end.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LoadTests(Chromium chromium) : Zeues.Tests.E2E.BrowserTest(chromium)
{
    private static readonly int[] Workers = [93, 94, 95, 96, 97];

    [Fact]
    public async Task Forty_tablets_on_two_nodes_keep_every_invariant_and_every_page_shows_the_final_state()
    {
        var prefix = RedisServer.Prefix("carga");
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = RedisServer.Shared, ["Zeues:Redis:Prefix"] = prefix };
        await using var nodeA = new AppServer(settings: settings);
        await using var nodeB = new AppServer(nodeA.SqlitePath, settings);
        var workbook = new SqliteWorkbook(nodeA.SqlitePath);
        var before = PlantReader.Read(await workbook.ReadAsync(Sheets.All), DateTimeOffset.UtcNow);

        var board = await Chromium.OpenAsync(new Uri(nodeA.BaseAddress, "/dashboard"), 1920, 1080);
        var tablet = await Chromium.OpenAsync(nodeB.BaseAddress);
        await new IdentifyPage(tablet).ChooseAsync(96);
        await new TrabajoPage(tablet).WaitAsync();

        var log = new CommandLog();
        using var httpA = nodeA.Http();
        using var httpB = nodeB.Http();
        async Task<PlantSnapshot> Snapshot() => PlantReader.Read(await workbook.ReadAsync(Sheets.All), DateTimeOffset.UtcNow);
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
        {
            var http = i % 2 == 0 ? httpA : httpB;
            return Task.Run(() => new Tablet(Workers[i % Workers.Length], Snapshot, r => PostAsync(http, r), log, seed: 1000 + i, TimeSpan.FromMilliseconds(300))
                .RunAsync(TimeSpan.FromSeconds(40)));
        }));

        Assert.True(log.Succeeded > 100, $"only {log.Succeeded} of {log.Entries.Count} commands succeeded");
        Assert.DoesNotContain(log.Entries, e => e.HttpStatus >= 500);
        await Invariants.AssertAsync(workbook, before, log);

        var final = await Snapshot();
        var occupied = final.Spools.Where(s => s.IsOccupied && !s.HasDataError).Select(s => s.Tag).Order().ToList();
        var rows = board.GetByTestId("occupied").Locator("[data-tag]");
        await Eventually.TrueAsync(async () => (await rows.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.tag)")).Order().SequenceEqual(occupied),
            TimeSpan.FromSeconds(20), "the board on node A shows the final occupations");
        var mine = final.Spools.Where(s => s.OccupantId == 96).Select(s => s.Tag).Order().ToList();
        var cards = tablet.GetByTestId("mis-spools").Locator("[data-tag]");
        await Eventually.TrueAsync(async () => (await cards.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.tag)")).Order().SequenceEqual(mine),
            TimeSpan.FromSeconds(20), "JM(96)'s tablet on node B shows the final Mis spools");
    }

    private static async Task<LoggedCommand> PostAsync(HttpClient http, CommandRequest r)
    {
        var response = await http.PostAsJsonAsync("/api/commands", new
        {
            commandId = r.CommandId,
            type = r.Type.ToString(),
            tag = r.Tag,
            workerId = r.Actor.WorkerId,
            operacion = r.Operacion?.ToString(),
            unions = r.Unions,
            resultado = r.Resultado?.ToString(),
            texto = r.Texto,
        });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode) return new LoggedCommand(r, true, body.RootElement.GetProperty("replay").GetBoolean(), null, status);
        var code = Enum.Parse<ErrorCode>(body.RootElement.GetProperty("code").GetString()!);
        return new LoggedCommand(r, false, false, code, status);
    }
}
