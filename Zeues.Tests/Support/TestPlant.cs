using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Zeues.Core;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Reading;
using Zeues.Core.Setup;
using Zeues.Core.Workbook;
using Zeues.Core.Workbook.Sqlite;
using Zeues.Core.Workflows;
using Zeues.Tests.Fakes;

namespace Zeues.Tests.Support;

/// <summary>
/// A real SQLite workbook file holding the DOMAIN §9 fixture, with the core services over it and a
/// fake clock at 22-01-2026 10:00:00 plant time.
/// </summary>
public sealed class TestPlant : IAsyncDisposable
{
    public static readonly TimeZoneInfo Santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");

    private readonly IDictionary<string, string?>? _settings;

    private TestPlant(string path, ServiceProvider services, FakeTimeProvider time, FakeSheetsServer? sheets, IDictionary<string, string?>? settings)
    {
        _settings = settings;
        Path = path;
        Services = services;
        Time = time;
        FakeSheets = sheets;
    }

    /// <summary>The workbook provider the workflow suite runs on: ZEUES_TEST_PROVIDER=GoogleSheets runs it against the fake Sheets server.</summary>
    public static string DefaultProvider => Environment.GetEnvironmentVariable("ZEUES_TEST_PROVIDER") ?? "Sqlite";

    public string Path { get; }
    public ServiceProvider Services { get; }
    public FakeTimeProvider Time { get; }

    /// <summary>The fake Google Sheets server when this plant runs on the GoogleSheets provider.</summary>
    public FakeSheetsServer? FakeSheets { get; }

    /// <summary>The workbook as the app sees it, whichever provider.</summary>
    public IWorkbook Store => Services.GetRequiredService<IWorkbook>();

    /// <summary>The embedded store itself, for SQLite-specific tests (failure hooks inside a transaction).</summary>
    public SqliteWorkbook Workbook => FakeSheets is null
        ? Services.GetRequiredService<SqliteWorkbook>()
        : throw new InvalidOperationException("This test needs the SQLite provider");
    public SpoolCommands Commands => Services.GetRequiredService<SpoolCommands>();
    public SnapshotCache Cache => Services.GetRequiredService<SnapshotCache>();

    public SpoolFeed Feed => Services.GetRequiredService<SpoolFeed>();
    public PlantClock Clock => Services.GetRequiredService<PlantClock>();

    public static async Task<TestPlant> CreateAsync(SheetRows? rows = null, string? path = null, Action<IServiceCollection>? configure = null,
        IDictionary<string, string?>? settings = null, string? provider = null)
    {
        path ??= NewPath();
        var time = new FakeTimeProvider(ToUtc(FixturePlant.Now));
        if ((provider ?? DefaultProvider) == "GoogleSheets")
        {
            var fake = await FakeSheetsServer.StartAsync(rows ?? FixturePlant.Build());
            var all = new Dictionary<string, string?>(GoogleSettings(fake));
            foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
            return new TestPlant(path, BuildServices(path, time, configure, all), time, fake, all);
        }
        var workbook = new SqliteWorkbook(path);
        await SqliteWorkbookInitializer.InitializeAsync(workbook, () => rows ?? FixturePlant.Build());
        return new TestPlant(path, BuildServices(path, time, configure, settings), time, null, settings);
    }

    /// <summary>Another server node over the same workbook (its own caches), as a second process would be.</summary>
    public ServiceProvider NewNode() => BuildServices(Path, Time, settings: _settings);

    /// <summary>Settings that point the GoogleSheets provider at a fake server, with short backoffs for tests.</summary>
    public static IReadOnlyDictionary<string, string?> GoogleSettings(FakeSheetsServer fake) => new Dictionary<string, string?>
    {
        ["Zeues:Workbook:Provider"] = "GoogleSheets",
        ["Zeues:GoogleSheets:SpreadsheetId"] = FakeSheetsServer.SpreadsheetId,
        ["Zeues:GoogleSheets:CredentialsJson"] = fake.CredentialsJson(),
        ["Zeues:GoogleSheets:BaseUrl"] = fake.BaseUrl.ToString(),
        ["Zeues:GoogleSheets:RetryBaseDelayMs"] = "10",
        ["Zeues:GoogleSheets:RequestTimeoutSeconds"] = "5",
        ["Zeues:GoogleSheets:TotalTimeoutSeconds"] = "10",
        // The fake plant clock never moves the quota windows by themselves, so over a whole test they never slide:
        // tests that are not about the budgets must never meet them (tests of the budgets set their own).
        ["Zeues:GoogleSheets:WritesPerMinute"] = "1000000",
        ["Zeues:GoogleSheets:ReadsPerMinute"] = "1000000",
    };

    /// <summary>The office renames a header cell.</summary>
    public Task RenameColumnAsync(string sheet, string from, string to)
    {
        if (FakeSheets is { } fake)
        {
            fake.RenameColumn(sheet, from, to);
            return Task.CompletedTask;
        }
        return Workbook.RenameColumnAsync(sheet, from, to);
    }

    /// <summary>The office inserts a column before a zero-based index.</summary>
    public Task InsertColumnAsync(string sheet, int index, string header)
    {
        if (FakeSheets is { } fake)
        {
            fake.InsertColumn(sheet, index, header);
            return Task.CompletedTask;
        }
        return Workbook.InsertColumnAsync(sheet, index, header);
    }

    /// <summary>A second node over the same file (a separate service provider, as a second process would be).</summary>
    public static ServiceProvider BuildServices(string path, TimeProvider time, Action<IServiceCollection>? configure = null,
        IDictionary<string, string?>? settings = null)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Zeues:Workbook:SqlitePath"] = path,
            ["Zeues:Workbook:SeedDemo"] = "false",
            ["Zeues:Workbook:RetryBaseDelayMs"] = "5",
        }.Concat(settings ?? new Dictionary<string, string?>())).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(config);
        services.AddZeuesCore(config);
        services.AddSingleton(time);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public static string NewPath() => System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"zeues-test-{Guid.NewGuid():N}.db");

    public static DateTimeOffset ToUtc(DateTime plantTime) => new(TimeZoneInfo.ConvertTimeToUtc(plantTime, Santiago), TimeSpan.Zero);

    /// <summary>Moves the fake clock to a plant wall-clock time.</summary>
    public void SetNow(DateTime plantTime) => Time.SetUtcNow(ToUtc(plantTime));

    public Task<CommandResult> RunAsync(CommandType type, string tag, int workerId, Operacion? op = null, IReadOnlyList<string>? unions = null,
        ResultadoMetrologia? resultado = null, string? texto = null, Guid? commandId = null, MotivoRechazo? motivo = null, string? detalle = null) =>
        Commands.ExecuteAsync(new CommandRequest(commandId ?? Guid.NewGuid(), type, tag, Actor.ForWorker(workerId), op, unions, resultado, texto, Motivo: motivo, Detalle: detalle));

    public Task<CommandResult> SupervisorAsync(CommandType type, string tag, string motivo, string supervisor = "Ana Supervisora") =>
        Commands.ExecuteAsync(new CommandRequest(Guid.NewGuid(), type, tag, Actor.ForSupervisor(supervisor), Texto: motivo));

    /// <summary>Reads the workbook fresh (bypassing the cache).</summary>
    public async Task<PlantSnapshot> ReadAsync() => PlantReader.Read(await Store.ReadAsync(Sheets.All), Time.GetUtcNow());

    public async Task<SheetData> SheetAsync(string sheet) => (await Store.ReadAsync([sheet]))[sheet];

    /// <summary>A raw cell of the spool's Operaciones row, as stored.</summary>
    public async Task<object?> CellAsync(string tag, string column)
    {
        var sheet = await SheetAsync(Sheets.Operaciones);
        var row = sheet.Rows.Single(r => string.Equals(CellReader.Text(sheet.Get(r, Col.TagSpool)), tag, StringComparison.OrdinalIgnoreCase));
        return sheet.Get(row, column);
    }

    public async Task<object?> UnionCellAsync(string tag, int nUnion, string column)
    {
        var sheet = await SheetAsync(Sheets.Uniones);
        var row = sheet.Rows.Single(r => CellReader.Text(sheet.Get(r, Col.TagSpool)) == tag && CellReader.Text(sheet.Get(r, Col.NUnion)) == nUnion.ToString());
        return sheet.Get(row, column);
    }

    public async Task<int> MetadataCountAsync() => (await SheetAsync(Sheets.Metadata)).Rows.Count;

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (FakeSheets is not null) await FakeSheets.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(Path + suffix);
    }
}
