using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zeues.Tests.Support;
using Zeues.Web.Admin;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Security;

/// <summary>DOMAIN 8.1 outside Development: no demo password, and the API, exports and /metrics need a credential.</summary>
public sealed class ProductionModeTests
{
    [Theory]
    [InlineData("")]
    [InlineData(SupervisorOptions.DemoPasswordHash)]
    public void Outside_development_the_app_refuses_to_start_without_its_own_supervisor_hash(string hash)
    {
        var failure = Assert.ThrowsAny<Exception>(() => new AppServer(settings: new Dictionary<string, string?> { ["Zeues:Supervisor:PasswordHash"] = hash }));

        var message = failure.ToString();
        Assert.Contains("Zeues:Supervisor:PasswordHash", message);
        Assert.Contains("hash-password", message);
    }

    [Fact]
    public async Task Without_a_key_outside_development_the_api_answers_401_la_api_esta_desactivada()
    {
        await using var app = new AppServer(settings: new Dictionary<string, string?> { ["Zeues:Api:Key"] = "" });
        using var http = app.Anonymous();

        var read = await http.GetAsync("/api/workers");
        var command = await http.PostAsJsonAsync("/api/commands",
            new { commandId = Guid.NewGuid(), type = "METROLOGIA", tag = S6, workerId = JM, resultado = "APROBADO" });

        foreach (var response in new[] { read, command })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("La API está desactivada: define Zeues:Api:Key.", body.GetProperty("title").GetString());
        }
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task With_the_key_the_api_answers_200_and_without_it_401()
    {
        await using var app = new AppServer();
        using var anonymous = app.Anonymous();
        using var withKey = app.Http();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/workers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await withKey.GetAsync("/api/workers")).StatusCode);
    }

    [Fact]
    public async Task Exports_need_the_key_outside_development()
    {
        await using var app = new AppServer();
        using var anonymous = app.Anonymous();
        using var withKey = app.Http();

        foreach (var path in new[] { "/export/tablero.csv", "/export/tablero.xlsx", "/export/registro.csv?workerId=94", "/export/registro.xlsx?workerId=94" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await withKey.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task Metrics_need_the_key_or_the_scrape_token()
    {
        await using var app = new AppServer(settings: new Dictionary<string, string?> { ["Zeues:Api:ScrapeToken"] = "token-de-prometheus" });
        using var anonymous = app.Anonymous();
        using var withKey = app.Http();
        using var scraper = app.Anonymous();
        scraper.DefaultRequestHeaders.Authorization = new("Bearer", "token-de-prometheus");
        using var wrongToken = app.Anonymous();
        wrongToken.DefaultRequestHeaders.Authorization = new("Bearer", "otro");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongToken.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await withKey.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scraper.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task In_development_with_no_key_the_demo_stays_open()
    {
        await using var app = new AppServer(settings: new Dictionary<string, string?>
        {
            ["Zeues:Api:Key"] = "",
            ["Zeues:Supervisor:PasswordHash"] = "",
        }, environment: "Development");
        using var anonymous = app.Anonymous();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/workers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/export/tablero.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/metrics")).StatusCode);
    }
}
