using Microsoft.Extensions.DependencyInjection;
using Zeues.Core.Coordination;
using Zeues.Core.Domain;
using Zeues.Core.Reading;
using Zeues.Core.Setup;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Coordination;
using Zeues.Tests.Fakes;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Scale;

/// <summary>
/// DOMAIN 6.5: a change announced by another node carries its rows, so the receiving node patches its
/// snapshot without reading the spreadsheet; a node that missed a change reads to catch up.
/// </summary>
[Collection(Zeues.Tests.E2E.BrowserCollection.Name)]
public sealed class RemoteChangeTests
{
    private static readonly Dictionary<string, string?> NoTimedRefresh = new() { ["Zeues:Snapshot:RefreshSeconds"] = "3600" };

    [Fact]
    public async Task Node_b_reads_nothing_from_the_spreadsheet_for_commands_made_on_node_a()
    {
        await using var fake = await FakeSheetsServer.StartAsync();
        var prefix = RedisServer.Prefix(nameof(Node_b_reads_nothing_from_the_spreadsheet_for_commands_made_on_node_a));
        await using var a = await Node.StartAsync(TestPlant.NewPath(), RedisServer.Shared, prefix, settings: Settings(fake, "nodo-a"));
        await using var b = await Node.StartAsync(TestPlant.NewPath(), RedisServer.Shared, prefix, settings: Settings(fake, "nodo-b"));
        await b.Cache.GetAsync();
        var readsBefore = fake.BatchGetsBy("nodo-b");
        var seen = new List<Guid?>();
        using var _ = b.Feed.Subscribe(c => { lock (seen) seen.Add(c.CommandId); return Task.CompletedTask; });

        async Task Run(CommandType type, string tag, int worker, Operacion? op, IReadOnlyList<string>? unions = null, string? texto = null)
        {
            var id = Guid.NewGuid();
            var result = await a.Commands.ExecuteAsync(new CommandRequest(id, type, tag, Actor.ForWorker(worker), op, unions, Texto: texto));
            Assert.True(result.Succeeded, result.Error?.Message);
            await Eventually.TrueAsync(() => { lock (seen) return seen.Contains(id); }, because: $"node B hears {type} {tag}");
        }
        await Run(CommandType.INICIAR, S1, NR, Operacion.ARM);
        await Run(CommandType.FINALIZAR, S1, NR, Operacion.ARM, ["001+1", "001+2"]);
        await Run(CommandType.INICIAR, S9, NR, Operacion.ARM);
        await Run(CommandType.NOTA, S3, NR, null, texto: "revisar bisel");

        Assert.Equal(readsBefore, fake.BatchGetsBy("nodo-b"));
        var onB = await b.Cache.GetAsync();
        var stored = PlantReader.Read(await a.Services.GetRequiredService<IWorkbook>().ReadAsync(Sheets.All), DateTimeOffset.UtcNow);
        foreach (var tag in new[] { S1, S9, S3 })
            Assert.Equal(Comparable(stored.Find(tag)!), Comparable(onB.Find(tag)!));
        Assert.Equal(stored.Metadata.Select(e => e.Id).ToHashSet(), onB.Metadata.Select(e => e.Id).ToHashSet());
    }

    [Fact]
    public async Task A_node_that_missed_a_change_catches_up_when_the_next_one_arrives()
    {
        var path = await RedisLockTests.NewWorkbookAsync();
        var prefix = RedisServer.Prefix(nameof(A_node_that_missed_a_change_catches_up_when_the_next_one_arrives));
        await using var a = await Node.StartAsync(path, RedisServer.Shared, prefix, settings: NoTimedRefresh);
        await using var b = await Node.StartAsync(path, RedisServer.Shared, prefix, settings: NoTimedRefresh);
        Assert.True((await a.Commands.ExecuteAsync(new CommandRequest(Guid.NewGuid(), CommandType.INICIAR, S1, Actor.ForWorker(NR), Operacion.ARM))).Succeeded);
        await Eventually.TrueAsync(async () => (await b.Cache.GetAsync()).Find(S1)!.IsOccupied, because: "node B hears the first change");

        // A change node B never hears: written to the workbook while node A's announcement of it is lost (a number skipped).
        await using var offline = TestPlant.BuildServices(path, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestPlant.ToUtc(FixturePlant.Now)));
        Assert.True((await offline.GetRequiredService<SpoolCommands>().ExecuteAsync(
            new CommandRequest(Guid.NewGuid(), CommandType.INICIAR, S9, Actor.ForWorker(JP), Operacion.ARM))).Succeeded);
        a.Identity.NextSequence();
        Assert.False((await b.Cache.GetAsync()).Find(S9)!.IsOccupied);

        await a.Events.PublishAsync(new SpoolChanged(S18, "NOTA", "NOTA_AGREGADA", "x", "LIBRE", null, null, DateTimeOffset.UtcNow, a.Identity.Id,
            a.Identity.NextSequence()));

        await Eventually.TrueAsync(async () => (await b.Cache.GetAsync()).Find(S9)!.IsOccupied, because: "the gap in node A's numbers makes node B refresh");
    }

    [Fact]
    public async Task A_node_whose_rows_do_not_line_up_with_the_announcement_reads_the_spool_instead()
    {
        var path = await RedisLockTests.NewWorkbookAsync();
        var prefix = RedisServer.Prefix(nameof(A_node_whose_rows_do_not_line_up_with_the_announcement_reads_the_spool_instead));
        await using var a = await Node.StartAsync(path, RedisServer.Shared, prefix, settings: NoTimedRefresh);
        await using var b = await Node.StartAsync(path, RedisServer.Shared, prefix, settings: NoTimedRefresh);
        await b.Cache.GetAsync();
        // The office appends a union to S1; node A's command sees it, node B's snapshot does not have it yet.
        var workbook = a.Services.GetRequiredService<IWorkbook>();
        var header = (await workbook.ReadAsync([Sheets.Uniones]))[Sheets.Uniones].Header;
        await workbook.ApplyAsync(new WorkbookBatch([], [new RowAppend(Sheets.Uniones, new Dictionary<string, object?>
        {
            [Col.Ot] = "001", [Col.NUnion] = 7d, [Col.TagSpool] = S1, [Col.DnUnion] = 2d, [Col.TipoUnion] = "BW",
        })], new Dictionary<string, HeaderMap> { [Sheets.Uniones] = header }));

        Assert.True((await a.Commands.ExecuteAsync(new CommandRequest(Guid.NewGuid(), CommandType.INICIAR, S1, Actor.ForWorker(NR), Operacion.ARM))).Succeeded);

        await Eventually.TrueAsync(async () => (await b.Cache.GetAsync()).Find(S1) is { IsOccupied: true, Unions.Count: 5 },
            because: "node B reads S1 itself and sees the new union");
    }

    private static Dictionary<string, string?> Settings(FakeSheetsServer fake, string account) =>
        new(TestPlant.GoogleSettings(fake)) { ["Zeues:GoogleSheets:CredentialsJson"] = fake.CredentialsJson(account), ["Zeues:Snapshot:RefreshSeconds"] = "3600" };

    /// <summary>What a spool shows, without the operation a command remembers only on its own node.</summary>
    private static Spool Comparable(Spool s) => s with { OccupationOverride = null, Unions = [], DataErrors = [] };
}
