using Microsoft.Extensions.Hosting;

namespace Zeues.Core.Queries;

/// <summary>Loads the first snapshot (one read of all five sheets) before the app serves.</summary>
public sealed class SnapshotWarmup(SnapshotCache cache) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => cache.ReloadAsync();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
