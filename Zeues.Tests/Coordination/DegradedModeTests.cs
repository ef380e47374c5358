using System.Net.Http.Json;
using System.Text.Json;
using Zeues.Core.Coordination;
using Zeues.Core.Domain;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Coordination;

[Collection(Zeues.Tests.E2E.BrowserCollection.Name)]
public sealed class DegradedModeTests
{
    [Fact]
    public async Task Losing_redis_keeps_commands_working_degraded_and_regaining_it_restores_events_between_nodes()
    {
        await using var redis = await RedisServer.StartOwnAsync();
        var path = await RedisLockTests.NewWorkbookAsync();
        await using var a = await Node.StartAsync(path, redis.ConnectionString, "zeues");
        await using var b = await Node.StartAsync(path, redis.ConnectionString, "zeues");
        Assert.False(a.Status.Degraded);

        await redis.StopAsync();
        await Eventually.TrueAsync(() => a.Status.Degraded, TimeSpan.FromSeconds(20), "node A notices Redis is gone");

        var during = await a.Commands.ExecuteAsync(new CommandRequest(Guid.NewGuid(), CommandType.INICIAR, S1, Actor.ForWorker(NR), Operacion.ARM));
        Assert.True(during.Succeeded, during.Error?.Message);

        await redis.StartAsync();
        await Eventually.TrueAsync(() => !a.Status.Degraded && !b.Status.Degraded, TimeSpan.FromSeconds(30), "both nodes reconnect by themselves");
        // The regained connection reloads the snapshot: the change made while degraded is visible on B.
        await Eventually.TrueAsync(async () => (await b.Cache.GetAsync()).Find(S1)!.IsOccupied, TimeSpan.FromSeconds(20));

        var seen = new TaskCompletionSource<SpoolChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = b.Feed.Subscribe(c => { if (c.Tag == S18) seen.TrySetResult(c); return Task.CompletedTask; });
        await Eventually.TrueAsync(async () =>
        {
            // Resubscription completes shortly after reconnecting; retry the publish until B hears one.
            await a.Events.PublishAsync(new SpoolChanged(S18, "NOTA", "NOTA_AGREGADA", "x", "LIBRE", null, null, DateTimeOffset.UtcNow, a.Identity.Id + "-x"));
            return await Task.WhenAny(seen.Task, Task.Delay(500)) == seen.Task;
        }, TimeSpan.FromSeconds(30), "events flow between nodes again");
    }

    [Fact]
    public async Task Health_reports_degraded_with_the_reason_while_redis_is_unreachable()
    {
        await using var redis = await RedisServer.StartOwnAsync();
        await redis.StopAsync();
        await using var app = new AppServer(settings: new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString });
        using var http = app.Http();

        var body = JsonDocument.Parse(await http.GetStringAsync("/health")).RootElement;
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        Assert.StartsWith("sin sincronización", body.GetProperty("checks").GetProperty("redis").GetProperty("description").GetString());

        var response = await http.PostAsJsonAsync("/api/commands", new { commandId = Guid.NewGuid(), type = "INICIAR", tag = S1, workerId = NR, operacion = "ARM" });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

        await redis.StartAsync();
        await Eventually.TrueAsync(async () =>
            JsonDocument.Parse(await http.GetStringAsync("/health")).RootElement.GetProperty("status").GetString() == "Healthy", TimeSpan.FromSeconds(30));
    }
}
