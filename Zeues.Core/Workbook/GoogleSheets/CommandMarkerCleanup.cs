using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Zeues.Core.Workbook.GoogleSheets;

/// <summary>Deletes expired command markers every ten minutes: one background read, and one write only when something expired.</summary>
public sealed partial class CommandMarkerCleanup(CommandMarkers markers, ILogger<CommandMarkerCleanup> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var deleted = await markers.CleanUpAsync(stoppingToken);
                    if (deleted > 0) LogDeleted(deleted);
                }
                catch (Exception ex) when (ex is WorkbookUnavailableException or HttpRequestException)
                {
                    LogFailed(ex.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} marcas de comando vencidas borradas de la planilla")]
    private partial void LogDeleted(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Limpieza de marcas de comando fallida: {Reason}")]
    private partial void LogFailed(string reason);
}
