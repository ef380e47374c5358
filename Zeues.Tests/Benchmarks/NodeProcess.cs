using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Zeues.Tests.Benchmarks;

/// <summary>
/// One more server node as its own process (the built Zeues.Web, run with <c>dotnet run --no-build</c>),
/// so its memory is measured alone: the in-process test servers share one process with the test host.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private NodeProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<NodeProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var repo = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(repo, "Zeues.sln"))) repo = Path.GetDirectoryName(repo)!;
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var start = new ProcessStartInfo("dotnet",
                ["run", "--project", Path.Combine(repo, "Zeues.Web"), "--no-build", "-c", configuration, "--no-launch-profile", "--urls", $"http://127.0.0.1:{port}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Path.Combine(repo, "Zeues.Web"),
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var node = new NodeProcess(process, new Uri($"http://127.0.0.1:{port}/"));
            using var http = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
            while (true)
            {
                try
                {
                    if ((await http.GetAsync("/health")).StatusCode != HttpStatusCode.ServiceUnavailable) return node;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
                if (process.HasExited || DateTime.UtcNow > deadline)
                {
                    await node.DisposeAsync();
                    Assert.Fail("the node process did not start");
                }
                await Task.Delay(250);
            }
        }
    }

    /// <summary>Resident memory of the node's own process (the child of <c>dotnet run</c>), in MB.</summary>
    public double RssMegabytes()
    {
        var pids = new List<int> { _process.Id };
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
                if (parent == _process.Id) pids.Add(pid);
            }
            catch (IOException) { }
        }
        // `dotnet run` starts the app as a child process; the node is the largest of the two.
        return pids.Max(pid =>
        {
            try
            {
                var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
            }
            catch (IOException)
            {
                return 0;
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
