using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Zeues.Tests.Support;

/// <summary>The real app on Kestrel at a loopback port, over its own SQLite workbook file.</summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public AppServer(string? sqlitePath = null, IDictionary<string, string?>? settings = null)
    {
        SqlitePath = sqlitePath ?? TestPlant.NewPath();
        _settings = new Dictionary<string, string?>
        {
            ["Zeues:Workbook:SqlitePath"] = SqlitePath,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) _settings[k] = v;
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
    }

    public string SqlitePath { get; }

    public Uri BaseAddress => ClientOptions.BaseAddress;

    public HttpClient Http() => CreateDefaultClient(BaseAddress);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(SqlitePath + suffix);
    }
}
