using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Zeues.Core.Coordination;
using Zeues.Core.Queries;
using Zeues.Core.Setup;
using Zeues.Core.Workflows;

namespace Zeues.Tests.Support;

/// <summary>One server node without the web layer: the core services and their hosted services, running.</summary>
public sealed class Node : IAsyncDisposable
{
    private readonly List<IHostedService> _hosted;

    private Node(ServiceProvider services)
    {
        Services = services;
        _hosted = services.GetServices<IHostedService>().ToList();
    }

    public ServiceProvider Services { get; }
    public SpoolCommands Commands => Services.GetRequiredService<SpoolCommands>();
    public SnapshotCache Cache => Services.GetRequiredService<SnapshotCache>();

    public SpoolFeed Feed => Services.GetRequiredService<SpoolFeed>();
    public ISpoolEvents Events => Services.GetRequiredService<ISpoolEvents>();
    public CoordinationStatus Status => Services.GetRequiredService<CoordinationStatus>();
    public NodeIdentity Identity => Services.GetRequiredService<NodeIdentity>();

    /// <summary>Starts a node on an existing workbook file, coordinated through Redis when a connection string is given.</summary>
    public static async Task<Node> StartAsync(string path, string? redis, string prefix, TimeProvider? time = null, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis,
            ["Zeues:Redis:Prefix"] = prefix,
            ["Zeues:Locks:WaitSeconds"] = "30",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        var services = TestPlant.BuildServices(path, time ?? new FakeTimeProvider(TestPlant.ToUtc(FixturePlant.Now)), settings: all);
        var node = new Node(services);
        foreach (var hosted in node._hosted) await hosted.StartAsync(CancellationToken.None);
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in Enumerable.Reverse(_hosted)) await hosted.StopAsync(CancellationToken.None);
        await Services.DisposeAsync();
    }
}
