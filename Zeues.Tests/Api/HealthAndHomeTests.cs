using System.Net;
using System.Text.Json;
using Zeues.Tests.Support;

namespace Zeues.Tests.Api;

public sealed class HealthAndHomeTests
{
    [Fact]
    public async Task Health_reports_the_workbook_as_healthy_on_a_fresh_embedded_workbook()
    {
        await using var app = new AppServer();
        using var http = app.Http();

        var response = await http.GetAsync("/health");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("SQLite", json.RootElement.GetProperty("checks").GetProperty("workbook").GetProperty("data").GetProperty("store").GetString());
    }

    [Fact]
    public async Task Home_is_served_in_spanish_with_the_demo_workers_prerendered()
    {
        await using var app = new AppServer();
        using var http = app.Http();

        var html = await http.GetStringAsync("/");

        Assert.Contains("lang=\"es\"", html);
        Assert.Contains("¿QUIÉN ERES?", html);
        Assert.Contains("MR(93)", html);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/_framework/blazor.web.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/_content/MudBlazor/MudBlazor.min.css")).StatusCode);
    }
}
