using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Zeues.Core.Coordination.Redis;

/// <summary>
/// The process's ONE ConnectionMultiplexer, shared by leases and events. It never aborts on a failed
/// connect: the node starts degraded and the multiplexer reconnects by itself.
/// </summary>
public sealed class RedisConnection : IHostedService, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly RedisOptions _options;
    private readonly CoordinationStatus _status;
    private readonly NodeIdentity _node;
    private readonly TimeProvider _time;
    private readonly ILogger<RedisConnection> _logger;
    private readonly SemaphoreSlim _connectGate = new(1, 1);
    private ConnectionMultiplexer? _multiplexer;

    public RedisConnection(string connectionString, IOptions<RedisOptions> options, CoordinationStatus status, NodeIdentity node, TimeProvider time,
        ILogger<RedisConnection> logger)
    {
        _connectionString = connectionString;
        _options = options.Value;
        _status = status;
        _node = node;
        _time = time;
        _logger = logger;
    }

    /// <summary>Raised after the connection came back: events sent meanwhile were missed.</summary>
    public event Action? Restored;

    public string ClientName => $"zeues-{_node.Id}";

    public RedisOptions Options => _options;

    public bool IsConnected => _multiplexer?.IsConnected == true;

    /// <summary>The multiplexer, or null if the first connect attempt has not produced one yet.</summary>
    public ConnectionMultiplexer? Multiplexer => _multiplexer;

    public async Task<ConnectionMultiplexer> GetAsync()
    {
        if (_multiplexer is { } existing) return existing;
        await _connectGate.WaitAsync();
        try
        {
            if (_multiplexer is { } again) return again;
            var config = ConfigurationOptions.Parse(_connectionString);
            config.AbortOnConnectFail = false;
            config.ConnectTimeout = _options.ConnectTimeoutMs;
            config.SyncTimeout = _options.SyncTimeoutMs;
            config.AsyncTimeout = _options.SyncTimeoutMs;
            config.KeepAlive = 5;
            config.ClientName = ClientName;
            config.ReconnectRetryPolicy = new LinearRetry(1000);
            var multiplexer = await ConnectionMultiplexer.ConnectAsync(config);
            multiplexer.ConnectionFailed += (_, e) =>
            {
                _logger.LogWarning("Redis connection lost ({Type} {Failure}); serving with in-process coordination", e.ConnectionType, e.FailureType);
                _status.Set(true, $"Redis no disponible ({e.FailureType})", _time.GetUtcNow());
            };
            multiplexer.ConnectionRestored += (_, e) =>
            {
                if (!multiplexer.IsConnected) return;
                _logger.LogInformation("Redis connection restored ({Type})", e.ConnectionType);
                _status.Set(false, null, _time.GetUtcNow());
                if (e.ConnectionType == ConnectionType.Subscription) Restored?.Invoke();
            };
            _multiplexer = multiplexer;
            _status.Set(!multiplexer.IsConnected, multiplexer.IsConnected ? null : "Redis no disponible al iniciar", _time.GetUtcNow());
            return multiplexer;
        }
        finally
        {
            _connectGate.Release();
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken) => await GetAsync();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is { } m) await m.DisposeAsync();
    }
}
