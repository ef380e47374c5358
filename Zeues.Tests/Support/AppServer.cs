using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Zeues.Tests.Support;

/// <summary>
/// The real app on Kestrel at a loopback port, over its own SQLite workbook file, configured as a
/// plant would run it (Production): its own supervisor hash and an API key, which <see cref="Http"/> sends.
/// </summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    public const string ApiKey = "clave-api-de-pruebas";
    public const string SupervisorPassword = "clave-de-pruebas";

    /// <summary>Hashed once per test run: each hash costs what a login costs (600,000 PBKDF2 iterations).</summary>
    public static string SupervisorPasswordHash => PasswordHash.Value;

    private static readonly Lazy<string> PasswordHash = new(() => Zeues.Web.Admin.SupervisorPassword.Hash(SupervisorPassword));

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly string _environment;

    public AppServer(string? sqlitePath = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null,
        string environment = "Production")
    {
        _services = services;
        _environment = environment;
        SqlitePath = sqlitePath ?? TestPlant.NewPath();
        _settings = new Dictionary<string, string?>
        {
            ["Zeues:Workbook:SqlitePath"] = SqlitePath,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Zeues:Api:Key"] = ApiKey,
            ["Zeues:Supervisor:PasswordHash"] = SupervisorPasswordHash,
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) _settings[k] = v;
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
    }

    public string SqlitePath { get; }

    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>A client that carries the API key, as an integration would.</summary>
    public HttpClient Http()
    {
        var http = CreateDefaultClient(BaseAddress);
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return http;
    }

    /// <summary>A client without the API key: what a browser or anyone else on the plant network sends.</summary>
    public HttpClient Anonymous() => CreateDefaultClient(BaseAddress);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        // Open browser circuits would otherwise hold every disposal for the default 30 s.
        builder.UseShutdownTimeout(TimeSpan.FromSeconds(2));
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        // Each test server keeps its own in-memory keys instead of sharing the user's key folder; with Redis,
        // the nodes of a test share theirs there under the test's prefix, as a plant's nodes do.
        if (string.IsNullOrEmpty(_settings.GetValueOrDefault("ConnectionStrings:Redis")))
            builder.ConfigureServices(s => s.AddDataProtection().UseEphemeralDataProtectionProvider());
        if (_services is not null) builder.ConfigureServices(_services);
    }

    /// <summary>A server whose clock is the fixture's 22-01-2026 10:00:00 plant time, so the demo seed is the fixture unshifted.</summary>
    public static AppServer AtFixtureTime(out Microsoft.Extensions.Time.Testing.FakeTimeProvider time, IDictionary<string, string?>? settings = null)
    {
        var fake = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestPlant.ToUtc(Zeues.Core.Setup.FixturePlant.Now));
        time = fake;
        return new AppServer(settings: settings, services: s => s.AddSingleton<TimeProvider>(fake));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(SqlitePath + suffix);
    }
}
