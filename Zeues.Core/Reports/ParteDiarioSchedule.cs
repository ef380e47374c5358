using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zeues.Core.Coordination;
using Zeues.Core.Domain;
using Zeues.Core.Workbook;

namespace Zeues.Core.Reports;

/// <summary>
/// Writes today's Parte_Diario at Zeues:ParteDiario:Hora (plant time). Every node runs this; a claim
/// per date (a lease of 36 h, kept after success) lets exactly one of them write. A failed write gives
/// the claim back and is tried again a minute later.
/// </summary>
public sealed partial class ParteDiarioSchedule(ParteDiarioWriter writer, ISpoolLocks locks, PlantClock clock, TimeProvider time,
    IOptions<ParteDiarioOptions> options, ILogger<ParteDiarioSchedule> logger) : BackgroundService
{
    public static readonly TimeSpan ClaimTtl = TimeSpan.FromHours(36);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);

    public static string ClaimKey(DateOnly fecha) => $"PARTE_DIARIO:{CellWriter.Date(fecha)}";

    /// <summary>What this node's last scheduled turn did (for health views and tests): the date and "escrito", "otro nodo" or "falló".</summary>
    public (DateOnly Fecha, string Resultado)? LastRun { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var done = DateOnly.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.Now;
            var today = DateOnly.FromDateTime(now);
            var due = today.ToDateTime(options.Value.At);
            TimeSpan wait;
            if (now >= due && done != today)
            {
                if (await RunAsync(today, stoppingToken)) done = today;
                wait = done == today ? Until(today.AddDays(1).ToDateTime(options.Value.At)) : RetryDelay;
            }
            else wait = Until(now >= due ? today.AddDays(1).ToDateTime(options.Value.At) : due);
            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Writes the date unless another node claimed it; true when the date needs nothing more from this node.</summary>
    public async Task<bool> RunAsync(DateOnly fecha, CancellationToken ct = default)
    {
        var claim = await locks.AcquireAsync(ClaimKey(fecha), ClaimTtl, TimeSpan.Zero, ct);
        if (claim is null)
        {
            LogClaimed(CellWriter.Date(fecha));
            LastRun = (fecha, "otro nodo");
            return true;
        }
        try
        {
            await writer.WriteAsync(fecha, ct);
            LastRun = (fecha, "escrito");
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRetry(ex, CellWriter.Date(fecha));
            await locks.ReleaseAsync(claim);
            LastRun = (fecha, "falló");
            return false;
        }
    }

    /// <summary>Wall-clock distance in plant time; the loop checks again on waking, so a DST jump only delays by its own size.</summary>
    private TimeSpan Until(DateTime plantTime)
    {
        var wait = plantTime - clock.Now;
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Parte_Diario {Fecha}: otro nodo ya lo escribe")]
    private partial void LogClaimed(string fecha);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Parte_Diario {Fecha} programado falló; se reintenta en un minuto")]
    private partial void LogRetry(Exception ex, string fecha);
}
