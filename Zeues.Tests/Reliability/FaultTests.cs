using Zeues.Core.Domain;
using Zeues.Core.Reading;
using Zeues.Core.Workbook;
using Zeues.Core.Workbook.Sqlite;
using Zeues.Core.Workflows;
using Zeues.Tests.Coordination;
using Zeues.Tests.Support;

namespace Zeues.Tests.Reliability;

/// <summary>Faults under load: after each, the invariants hold and the system has recovered by itself.</summary>
[Collection(Zeues.Tests.E2E.BrowserCollection.Name)]
public sealed class FaultTests
{
    private static readonly int[] Workers = [93, 94, 95, 96, 97];

    private static IEnumerable<Task> Tablets(CommandLog log, TimeSpan duration, params Node[] nodes) =>
        Enumerable.Range(0, 8).Select(i =>
        {
            var node = nodes[i % nodes.Length];
            return Task.Run(() => new Tablet(Workers[i % Workers.Length], () => node.Cache.GetAsync(), r => node.Commands.ExecuteAsync(r), log, seed: i).RunAsync(duration));
        });

    [Fact]
    public async Task Redis_killed_and_restarted_under_load_keeps_the_invariants_and_recovers()
    {
        await using var redis = await RedisServer.StartOwnAsync();
        var path = await RedisLockTests.NewWorkbookAsync();
        await using var a = await Node.StartAsync(path, redis.ConnectionString, "zeues");
        await using var b = await Node.StartAsync(path, redis.ConnectionString, "zeues");
        var workbook = new SqliteWorkbook(path);
        var before = PlantReader.Read(await workbook.ReadAsync(Sheets.All), DateTimeOffset.UtcNow);
        var log = new CommandLog();

        var load = Task.WhenAll(Tablets(log, TimeSpan.FromSeconds(12), a, b));
        await Task.Delay(TimeSpan.FromSeconds(3));
        await redis.StopAsync();
        await Eventually.TrueAsync(() => a.Status.Degraded && b.Status.Degraded, TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(2));
        await redis.StartAsync();
        await load;

        Assert.True(log.Succeeded > 10, $"only {log.Succeeded} commands succeeded");
        await Invariants.AssertAsync(workbook, before, log);
        await Eventually.TrueAsync(() => !a.Status.Degraded && !b.Status.Degraded, TimeSpan.FromSeconds(30), "both nodes reconnect");
        Assert.DoesNotContain(log.Entries, e => e.Error == Zeues.Core.Domain.ErrorCode.ERROR_INTERNO);
    }

    [Fact]
    public async Task Spreadsheet_faults_under_load_leave_nothing_half_written_and_pass()
    {
        await using var plant = await TestPlant.CreateAsync(provider: "GoogleSheets", settings: new Dictionary<string, string?>
        {
            ["Zeues:GoogleSheets:RequestTimeoutSeconds"] = "1",
            ["Zeues:GoogleSheets:TotalTimeoutSeconds"] = "4",
        });
        var fake = plant.FakeSheets!;
        var before = await plant.ReadAsync();
        var log = new CommandLog();
        var node = plant.Commands;

        var load = Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            new Tablet(Workers[i % Workers.Length], () => plant.Cache.GetAsync(), r => node.ExecuteAsync(r), log, seed: 100 + i).RunAsync(TimeSpan.FromSeconds(10)))));
        await Task.Delay(TimeSpan.FromSeconds(1));
        fake.Fail(429, count: 6);
        await Task.Delay(TimeSpan.FromSeconds(2));
        fake.Fail(500, count: 4, method: "batchUpdate");
        fake.Fail(503, count: 3, method: "batchGet");
        await Task.Delay(TimeSpan.FromSeconds(2));
        fake.HangOn = "batchUpdate";
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        fake.HangOn = null;
        await load;
        fake.ClearFaults();

        Assert.True(fake.FaultsServed > 0, $"the load met the injected faults ({log.Entries.Count} commands, {fake.BatchUpdates} writes, " +
            string.Join(", ", log.Entries.Where(e => !e.Succeeded).Select(e => e.Error).Distinct()) + ")");
        await Invariants.AssertAsync(plant.Store, before, log);
        Assert.Empty(fake.Violations);
        Assert.DoesNotContain(log.Entries, e => e.Error == Zeues.Core.Domain.ErrorCode.ERROR_INTERNO);
        // Recovered by itself: the next command goes through.
        Assert.True((await plant.RunAsync(CommandType.NOTA, Fixture.S1, 94, texto: "después de las fallas")).Succeeded);
    }

    [Fact]
    public async Task When_one_of_two_nodes_stops_the_other_keeps_serving()
    {
        var path = await RedisLockTests.NewWorkbookAsync();
        var prefix = RedisServer.Prefix(nameof(When_one_of_two_nodes_stops_the_other_keeps_serving));
        var a = await Node.StartAsync(path, RedisServer.Shared, prefix);
        await using var b = await Node.StartAsync(path, RedisServer.Shared, prefix);
        var workbook = new SqliteWorkbook(path);
        var before = PlantReader.Read(await workbook.ReadAsync(Sheets.All), DateTimeOffset.UtcNow);
        var log = new CommandLog();
        using var stopA = new CancellationTokenSource();

        var onA = Enumerable.Range(0, 4).Select(i => Task.Run(() =>
            new Tablet(Workers[i], () => a.Cache.GetAsync(), r => a.Commands.ExecuteAsync(r), log, seed: 200 + i).RunAsync(TimeSpan.FromSeconds(10), stopA.Token)));
        var onB = Enumerable.Range(0, 4).Select(i => Task.Run(() =>
            new Tablet(Workers[(i + 1) % Workers.Length], () => b.Cache.GetAsync(), r => b.Commands.ExecuteAsync(r), log, seed: 300 + i).RunAsync(TimeSpan.FromSeconds(8))));
        await Task.Delay(TimeSpan.FromSeconds(3));
        stopA.Cancel();
        await Task.WhenAll(onA);
        await a.DisposeAsync();
        var servedByB = log.Entries.Count;
        await Task.WhenAll(onB);

        Assert.True(log.Entries.Count > servedByB, "node B kept serving after node A stopped");
        await Invariants.AssertAsync(workbook, before, log);
    }

    [Fact]
    public async Task A_column_inserted_by_the_office_during_the_run_changes_nothing()
    {
        await using var plant = await TestPlant.CreateAsync(provider: "Sqlite");
        var before = await plant.ReadAsync();
        var log = new CommandLog();

        var load = Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            new Tablet(Workers[i % Workers.Length], () => plant.Cache.GetAsync(), r => plant.Commands.ExecuteAsync(r), log, seed: 400 + i).RunAsync(TimeSpan.FromSeconds(6)))));
        await Task.Delay(TimeSpan.FromSeconds(2));
        await plant.InsertColumnAsync(Sheets.Operaciones, 3, "Columna_Oficina");
        await plant.InsertColumnAsync(Sheets.Uniones, 1, "Comentario");
        await plant.InsertColumnAsync(Sheets.Metadata, 0, "Extra");
        await load;

        await Invariants.AssertAsync(plant.Store, before, log);
        var after = await plant.ReadAsync();
        Assert.All(after.Spools, s => Assert.Equal(before.Find(s.Tag)!.Tag, s.Tag));
        Assert.DoesNotContain(log.Entries, e => e.Error is Zeues.Core.Domain.ErrorCode.ERROR_INTERNO or Zeues.Core.Domain.ErrorCode.ESQUEMA_INVALIDO);
    }
}
