using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Zeues.Core.Demo;
using Zeues.Core.Domain;
using Zeues.Core.Queries;

namespace Zeues.Core.Workbook.Sqlite;

/// <summary>Creates (and seeds) the embedded workbook before the app serves, then loads the first snapshot.</summary>
public sealed class SqliteWorkbookStartup(SqliteWorkbook workbook, IOptions<WorkbookOptions> options, PlantClock clock, SnapshotCache cache)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Func<SheetRows>? seed = options.Value.SeedDemo ? () => DemoPlant.Build(clock.Today) : null;
        await SqliteWorkbookInitializer.InitializeAsync(workbook, seed, cancellationToken);
        await cache.ReloadAsync();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
