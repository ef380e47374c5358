using Microsoft.Extensions.Hosting;
using Zeues.Core.Queries;

namespace Zeues.Core.Setup;

/// <summary>Loads the first snapshot (one read of all five sheets) before the app serves.</summary>
public sealed class SnapshotWarmup(SnapshotCache cache) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => cache.ReloadAsync();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
