using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Zeues.Core.Coordination;
using Zeues.Core.Domain;
using Zeues.Core.Workbook;
using Zeues.Core.Workbook.Sqlite;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Coordination;

[Collection(Zeues.Tests.E2E.BrowserCollection.Name)]
public sealed class TwoNodeTests
{
    [Fact]
    public async Task Fifty_concurrent_starts_across_two_nodes_yield_exactly_one_occupant()
    {
        var path = await RedisLockTests.NewWorkbookAsync();
        var prefix = RedisServer.Prefix(nameof(Fifty_concurrent_starts_across_two_nodes_yield_exactly_one_occupant));
        await using var a = await Node.StartAsync(path, RedisServer.Shared, prefix);
        await using var b = await Node.StartAsync(path, RedisServer.Shared, prefix);
        int[] workers = [MR, NR, JP];

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            (i % 2 == 0 ? a : b).Commands.ExecuteAsync(new CommandRequest(Guid.NewGuid(), CommandType.INICIAR, S1, Actor.ForWorker(workers[i % 3]), Operacion.ARM)))));

        var winner = Assert.Single(results, r => r.Succeeded);
        var losers = results.Where(r => !r.Succeeded).ToList();
        Assert.Equal(49, losers.Count);
        Assert.All(losers, r => Assert.Equal(ErrorCode.SPOOL_OCUPADO, r.Error!.Code));
        Assert.All(losers, r => Assert.Equal(winner.Outcome!.Spool.Occupant, r.Error!.Data["ocupante"]));
        var metadata = (await new SqliteWorkbook(path).ReadAsync([Sheets.Metadata]))[Sheets.Metadata];
        Assert.Single(metadata.Rows, r => CellReader.Text(metadata.Get(r, Col.EventoTipo)) == "INICIAR_SPOOL" && CellReader.Text(metadata.Get(r, Col.TagSpool)) == S1);
    }

    [Fact]
    public async Task A_change_on_one_node_reaches_the_other_nodes_subscribers_and_snapshot()
    {
        var path = await RedisLockTests.NewWorkbookAsync();
        var prefix = RedisServer.Prefix(nameof(A_change_on_one_node_reaches_the_other_nodes_subscribers_and_snapshot));
        await using var a = await Node.StartAsync(path, RedisServer.Shared, prefix);
        await using var b = await Node.StartAsync(path, RedisServer.Shared, prefix);
        var seen = new List<SpoolChanged>();
        using var _ = b.Feed.Subscribe(c => { lock (seen) seen.Add(c); return Task.CompletedTask; });

        var result = await a.Commands.ExecuteAsync(new CommandRequest(Guid.NewGuid(), CommandType.INICIAR, S1, Actor.ForWorker(NR), Operacion.ARM));

        Assert.True(result.Succeeded);
        await Eventually.TrueAsync(() => { lock (seen) return seen.Any(c => c.Tag == S1); }, because: "node B hears node A's change");
        Assert.Equal("NR(94)", (await b.Cache.GetAsync()).Find(S1)!.OcupadoPor);
    }

    [Fact]
    public async Task Redis_connections_per_node_stay_constant_with_one_or_a_thousand_subscribers()
    {
        var path = await RedisLockTests.NewWorkbookAsync();
        await using var node = await Node.StartAsync(path, RedisServer.Shared, RedisServer.Prefix("conexiones"));
        var name = node.Services.GetRequiredService<Zeues.Core.Coordination.Redis.RedisConnection>().ClientName;
        await using var admin = await ConnectionMultiplexer.ConnectAsync(RedisServer.Shared + ",allowAdmin=true");
        async Task<int> Connections() => (await admin.GetServers()[0].ClientListAsync()).Count(c => c.Name == name);

        var one = node.Events.Subscribe(_ => Task.CompletedTask);
        await Eventually.TrueAsync(async () => await Connections() > 0);
        var withOne = await Connections();
        var many = Enumerable.Range(0, 1000).Select(_ => node.Events.Subscribe(_ => Task.CompletedTask)).ToList();
        var withThousand = await Connections();

        Assert.Equal(withOne, withThousand);
        Assert.InRange(withOne, 1, 2);
        one.Dispose();
        many.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task Every_subscriber_receives_a_published_change_even_when_one_throws()
    {
        var path = await RedisLockTests.NewWorkbookAsync();
        var prefix = RedisServer.Prefix(nameof(Every_subscriber_receives_a_published_change_even_when_one_throws));
        await using var a = await Node.StartAsync(path, RedisServer.Shared, prefix);
        await using var b = await Node.StartAsync(path, RedisServer.Shared, prefix);
        var received = 0;
        using var bad = b.Events.Subscribe(_ => throw new InvalidOperationException("suscriptor roto"));
        using var slow = b.Events.Subscribe(async _ => await Task.Delay(TimeSpan.FromSeconds(30)));
        var good = Enumerable.Range(0, 10).Select(_ => b.Events.Subscribe(_ => { Interlocked.Increment(ref received); return Task.CompletedTask; })).ToList();

        await a.Events.PublishAsync(new SpoolChanged(S1, "INICIAR", "INICIAR_SPOOL", "x", "EN_PROGRESO", "NR(94)", Guid.NewGuid(), DateTimeOffset.UtcNow, a.Identity.Id));

        await Eventually.TrueAsync(() => Volatile.Read(ref received) == 10, because: "all ten good subscribers are called");
        good.ForEach(s => s.Dispose());
    }
}
