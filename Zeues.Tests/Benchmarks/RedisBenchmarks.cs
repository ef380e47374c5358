using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using Zeues.Core.Coordination;
using Zeues.Core.Coordination.Redis;
using Zeues.Core.Setup;
using Zeues.Core.Workbook.Sqlite;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Benchmarks;

/// <summary>Redis connections per node as subscribers grow, and how long one event takes to reach 5,000 subscribers.</summary>
[Collection(BenchmarkCollection.Name)]
[Trait("Category", "Benchmark")]
public sealed class RedisBenchmarks
{
    private const int FanOut = 5000;

    private static async Task<string> NewWorkbookAsync()
    {
        var path = TestPlant.NewPath();
        await SqliteWorkbookInitializer.InitializeAsync(new SqliteWorkbook(path), Zeues.Core.Setup.FixturePlant.Build);
        return path;
    }

    [Fact]
    public async Task Redis_connections_per_node_with_one_a_hundred_and_a_thousand_subscribers()
    {
        await using var node = await Node.StartAsync(await NewWorkbookAsync(), RedisServer.Shared, RedisServer.Prefix("bench-conexiones"));
        var name = node.Services.GetRequiredService<RedisConnection>().ClientName;
        await using var admin = await ConnectionMultiplexer.ConnectAsync(RedisServer.Shared + ",allowAdmin=true");
        async Task<int> Connections() => (await admin.GetServers()[0].ClientListAsync()).Count(c => c.Name == name);

        var subscriptions = new List<IDisposable>();
        foreach (var total in new[] { 1, 100, 1000 })
        {
            while (subscriptions.Count < total) subscriptions.Add(node.Events.Subscribe(_ => Task.CompletedTask));
            await Eventually.TrueAsync(async () => await Connections() > 0);
            var connections = await Connections();
            Assert.InRange(connections, 1, 2);
            BenchOut.Row($"Redis connections per node, {total} subscriber(s)", connections, "connections",
                "CLIENT LIST entries with the node's client name (one multiplexer: interactive + pub/sub)");
        }
        subscriptions.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task One_event_reaches_five_thousand_subscribers_in_process_and_through_redis()
    {
        // In process: EventHub.Deliver straight to the handlers, as a node without Redis does.
        using var metrics = new Zeues.Core.Diagnostics.ZeuesMetrics();
        var hub = new EventHub(NullLogger<EventHub>.Instance, metrics, "benchmark");
        var local = await MeasureAsync(hub.Subscribe, change => { hub.Deliver(change); return Task.CompletedTask; }, null);
        Report("in process (EventHub)", local, "EventHub.Deliver to the last handler call; one Task.Run per handler");

        // Through Redis: node A publishes, node B's single subscription fans out to its 5,000 subscribers.
        var path = await NewWorkbookAsync();
        var prefix = RedisServer.Prefix("bench-fanout");
        await using var a = await Node.StartAsync(path, RedisServer.Shared, prefix);
        await using var b = await Node.StartAsync(path, RedisServer.Shared, prefix);
        var remote = await MeasureAsync(b.Events.Subscribe, change => a.Events.PublishAsync(change), a);
        Report("node A → Redis → node B", remote, "PublishAsync on A to the last handler call on B (same machine)");
    }

    private static void Report(string how, List<double> samples, string notes)
    {
        notes = $"{samples.Count} events × {FanOut} subscribers; {notes}";
        BenchOut.Row($"Fan-out to {FanOut} subscribers p50, {how}", BenchOut.Percentile(samples, 50), "ms", notes);
        BenchOut.Row($"Fan-out to {FanOut} subscribers max, {how}", samples.Max(), "ms", notes);
    }

    /// <summary>Times from publish to the last of the 5,000 handler calls, over a few events after one warm-up.</summary>
    private static async Task<List<double>> MeasureAsync(Func<Func<SpoolChanged, Task>, IDisposable> subscribe, Func<SpoolChanged, Task> publish, Node? origin)
    {
        var received = 0;
        var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscriptions = Enumerable.Range(0, FanOut).Select(_ => subscribe(_ =>
        {
            if (Interlocked.Increment(ref received) == FanOut) done.TrySetResult(Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        })).ToList();
        var samples = new List<double>();
        for (var i = 0; i < 11; i++)
        {
            Volatile.Write(ref received, 0);
            done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            var change = new SpoolChanged(S1, "INICIAR", "INICIAR_SPOOL", "x", "EN_PROGRESO", "NR(94)", Guid.NewGuid(), DateTimeOffset.UtcNow,
                origin?.Identity.Id ?? "local");
            var start = Stopwatch.GetTimestamp();
            await publish(change);
            var end = await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(FanOut, Volatile.Read(ref received));
            if (i > 0) samples.Add(Stopwatch.GetElapsedTime(start, end).TotalMilliseconds);
        }
        subscriptions.ForEach(s => s.Dispose());
        return samples;
    }
}
