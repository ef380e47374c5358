using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Zeues.Core.Diagnostics;

namespace Zeues.Core.Coordination.Redis;

/// <summary>
/// ONE subscription per process to the changes channel, fanned out in memory to every subscriber.
/// Publishing while Redis is down delivers to this node only; other nodes catch up by refreshing.
/// </summary>
public sealed partial class RedisSpoolEvents(RedisConnection redis, EventHub hub, ZeuesMetrics metrics, ILogger<RedisSpoolEvents> logger)
    : ISpoolEvents, IHostedService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _subscribed;

    public async Task PublishAsync(SpoolChanged change, CancellationToken ct = default)
    {
        if (!redis.IsConnected || !_subscribed)
        {
            metrics.Published("local");
            hub.Deliver(change);
            return;
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            await (await redis.GetAsync()).GetSubscriber().PublishAsync(RedisChannel.Literal(redis.Options.Channel), JsonSerializer.Serialize(change));
            metrics.Published("redis");
            LogPublished(change.Tag, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            LogPublishedLocally(change.Tag, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            metrics.Published("local");
            hub.Deliver(change);
        }
    }

    public IDisposable Subscribe(Func<SpoolChanged, Task> handler) => hub.Subscribe(handler);

    public int SubscriberCount => hub.SubscriberCount;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        redis.Restored += () => _ = EnsureSubscribedAsync();
        await EnsureSubscribedAsync();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnsureSubscribedAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_subscribed) return;
            var subscriber = (await redis.GetAsync()).GetSubscriber();
            var channel = RedisChannel.Literal(redis.Options.Channel);
            try
            {
                await subscriber.SubscribeAsync(channel, OnMessage);
                _subscribed = true;
            }
            catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
            {
                // Not connected yet: drop the half-registered handler; the restore callback retries.
                try { await subscriber.UnsubscribeAsync(channel, OnMessage); } catch (RedisException) { }
                logger.LogWarning("Redis subscription deferred until the connection is back");
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private void OnMessage(RedisChannel channel, RedisValue message)
    {
        try
        {
            if (JsonSerializer.Deserialize<SpoolChanged>((string)message!) is { } change) hub.Deliver(change);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Ignoring an unreadable change message");
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Redis PUBLISH {Tag}: ok ({ElapsedMs} ms)")]
    private partial void LogPublished(string tag, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Redis PUBLISH {Tag}: Redis unavailable, delivered locally only ({ElapsedMs} ms)")]
    private partial void LogPublishedLocally(string tag, long elapsedMs);
}
