using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Zeues.Tests.Support;

/// <summary>
/// Redis for tests. <see cref="Shared"/> is the server ./test.sh started; <see cref="StartOwnAsync"/>
/// runs a private redis-server that a test may stop and start again on the same port.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("zeues-redis-").FullName;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static string Shared => Environment.GetEnvironmentVariable("ZEUES_TEST_REDIS")
        ?? throw new InvalidOperationException("ZEUES_TEST_REDIS is not set: run the tests through ./test.sh, which starts Redis.");

    /// <summary>A key and channel prefix unique to one test, so tests can run side by side on one server.</summary>
    public static string Prefix(string test) => $"t{Guid.NewGuid():N}"[..12] + ":" + test;

    public static async Task<RedisServer> StartOwnAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var server = new RedisServer(port);
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        var exe = Environment.GetEnvironmentVariable("ZEUES_TEST_REDIS_SERVER") ?? "redis-server";
        await RunAsync(exe, $"--port {Port} --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --pidfile {_dir}/redis.pid --dir {_dir}");
        await Eventually.TrueAsync(async () => (await RunAsync("redis-cli", $"-p {Port} ping", check: false)).Contains("PONG"), TimeSpan.FromSeconds(10));
    }

    public async Task StopAsync()
    {
        await RunAsync("redis-cli", $"-p {Port} shutdown nosave", check: false);
        await Eventually.TrueAsync(async () => !(await RunAsync("redis-cli", $"-p {Port} ping", check: false)).Contains("PONG"), TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private static async Task<string> RunAsync(string exe, string args, bool check = true)
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", $"-c \"{exe} {args.Replace("\"", "\\\"")}\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (check && process.ExitCode != 0) throw new InvalidOperationException($"{exe} failed: {output}");
        return output;
    }
}
