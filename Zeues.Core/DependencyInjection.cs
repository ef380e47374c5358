using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Zeues.Core.Coordination;
using Zeues.Core.Coordination.Redis;
using Zeues.Core.Diagnostics;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Reports;
using Zeues.Core.Setup;
using Zeues.Core.Workbook;
using Zeues.Core.Workbook.GoogleSheets;
using Zeues.Core.Workbook.Sqlite;
using Zeues.Core.Workflows;

namespace Zeues.Core;

public static class DependencyInjection
{
    /// <summary>Domain, workflows, queries and the adapters the configuration selects.</summary>
    public static IServiceCollection AddZeuesCore(this IServiceCollection services, IConfiguration configuration)
    {
        // Options
        services.AddOptions<ZeuesOptions>().BindConfiguration(ZeuesOptions.Section).ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Zeues:TimeZone no es una zona horaria IANA válida").ValidateOnStart();
        services.AddOptions<WorkbookOptions>().BindConfiguration(WorkbookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LockOptions>().BindConfiguration(LockOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.WriteMarginSeconds < o.TtlSeconds, "Zeues:Locks:WriteMarginSeconds debe ser menor que Zeues:Locks:TtlSeconds").ValidateOnStart();
        services.AddOptions<SnapshotOptions>().BindConfiguration(SnapshotOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TurnosOptions>().BindConfiguration(TurnosOptions.Section)
            .Validate(o => o.IsValid(), "Zeues:Turnos:Fin debe ser una lista de horas HH:MM (hora de planta), por ejemplo [\"17:30\"]").ValidateOnStart();
        services.AddOptions<ParteDiarioOptions>().BindConfiguration(ParteDiarioOptions.Section)
            .Validate(o => o.IsValid(), "Zeues:ParteDiario:Hora debe ser una hora HH:MM (hora de planta), por ejemplo 23:50").ValidateOnStart();

        // Time
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new PlantClock(
            sp.GetRequiredService<TimeProvider>(),
            TimeZoneInfo.FindSystemTimeZoneById(sp.GetRequiredService<IOptions<ZeuesOptions>>().Value.TimeZone)));

        // Diagnostics: the "Zeues" meter, the command log line and trace, the recent-commands journal
        services.AddSingleton<ZeuesMetrics>();
        services.AddSingleton<CommandJournal>();
        services.AddSingleton<CommandTelemetry>();

        // Workbook: the embedded SQLite file, or the plant's Google spreadsheet; every call timed
        if (configuration["Zeues:Workbook:Provider"] == "GoogleSheets") services.AddGoogleSheetsWorkbook(configuration);
        else
        {
            services.AddSingleton(sp =>
            {
                var root = sp.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
                return new SqliteWorkbook(sp.GetRequiredService<IOptions<WorkbookOptions>>().Value.SqliteFullPath(root));
            });
            services.AddSingleton<IWorkbook>(sp => ActivatorUtilities.CreateInstance<InstrumentedWorkbook>(sp, sp.GetRequiredService<SqliteWorkbook>()));
            services.AddSingleton<IWorkbookBudget, UnlimitedWorkbookBudget>();
            services.AddHostedService<SqliteWorkbookStartup>();
        }

        // Coordination: Redis when configured (one multiplexer per process), else in-process
        services.AddSingleton<NodeIdentity>();
        services.AddSingleton<InProcessSpoolLocks>();
        services.AddSingleton<EventHub>();
        var redis = configuration.GetConnectionString("Redis");
        services.AddSingleton(sp => new CoordinationStatus(!string.IsNullOrWhiteSpace(redis)).ObservedBy(sp.GetRequiredService<ZeuesMetrics>()));
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<ISpoolLocks>(sp => sp.GetRequiredService<InProcessSpoolLocks>());
            services.AddSingleton<ISpoolEvents, InProcessSpoolEvents>();
        }
        else
        {
            services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<RedisConnection>(sp, redis));
            services.AddHostedService(sp => sp.GetRequiredService<RedisConnection>());
            services.AddSingleton<ISpoolLocks, RedisSpoolLocks>();
            services.AddSingleton<RedisSpoolEvents>();
            services.AddSingleton<ISpoolEvents>(sp => sp.GetRequiredService<RedisSpoolEvents>());
            services.AddHostedService(sp => sp.GetRequiredService<RedisSpoolEvents>());
        }

        // Workflows and queries
        services.AddSingleton<SnapshotCache>();
        services.AddSingleton<SpoolFeed>();
        services.AddSingleton<TargetedRead>();
        services.AddSingleton<SnapshotSync>();
        services.AddHostedService(sp => sp.GetRequiredService<SnapshotSync>());
        services.AddSingleton<SpoolCommands>();
        services.AddSingleton<SpoolLists>();
        services.AddSingleton<DashboardQuery>();
        services.AddSingleton<SpoolAcciones>();
        services.AddSingleton<SpoolHistoryQuery>();
        services.AddSingleton<DailyRecordQuery>();
        services.AddSingleton<WorkerDirectory>();
        services.AddSingleton<RecentDaysQuery>();

        // Shift end and the daily report (FLOOR F6)
        services.AddSingleton<ShiftCalendar>();
        services.AddSingleton<ShiftCloseout>();
        services.AddSingleton<ParteDiarioWriter>();
        services.AddSingleton<ParteDiarioSchedule>();
        services.AddHostedService(sp => sp.GetRequiredService<ParteDiarioSchedule>());
        services.AddSingleton<SupervisorLists>();
        return services;
    }

    private static void AddGoogleSheetsWorkbook(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GoogleSheetsOptions>().BindConfiguration(GoogleSheetsOptions.Section).ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrWhiteSpace(o.SpreadsheetId), "Zeues:GoogleSheets:SpreadsheetId es obligatorio")
            .Validate(o => !string.IsNullOrWhiteSpace(o.CredentialsJson) || File.Exists(o.CredentialsFile),
                "Zeues:GoogleSheets necesita CredentialsFile (existente) o CredentialsJson")
            .ValidateOnStart();
        services.PostConfigure<SnapshotOptions>(o =>
        {
            if (configuration.GetValue<int?>("Zeues:GoogleSheets:RefreshSeconds") is { } seconds) o.RefreshSeconds = seconds;
        });
        services.AddSingleton<SheetsCredential>();
        // This node's share of Google's per-user quota: reads (commands first) and writes.
        services.AddSingleton<WriteRateLimiter>();
        services.AddSingleton<ReadBudget>();
        services.AddSingleton<IWorkbookBudget, SheetsBudget>();
        services.AddSheetsHttpClient();
        services.AddSingleton(sp => new SheetsClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(SheetsHttp.ClientName), sp.GetRequiredService<WriteRateLimiter>(),
            sp.GetRequiredService<IOptions<GoogleSheetsOptions>>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SheetsClient>>(),
            sp.GetRequiredService<SheetsRetryCount>()));
        // Exactly-once batches: each command's marker, deleted after its retention.
        services.AddSingleton<CommandMarkers>();
        services.AddHostedService<CommandMarkerCleanup>();
        services.AddSingleton<GoogleSheetsWorkbook>();
        services.AddSingleton<IWorkbook>(sp => ActivatorUtilities.CreateInstance<InstrumentedWorkbook>(sp, sp.GetRequiredService<GoogleSheetsWorkbook>()));
        services.AddHostedService<SnapshotWarmup>();
    }
}
