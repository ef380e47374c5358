using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Workbook;
using Zeues.Core.Workbook.Sqlite;

namespace Zeues.Core.Setup;

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
