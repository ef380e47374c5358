using Microsoft.Playwright;
using Zeues.Tests.E2E.Pages;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.E2E.FlakyWifi;

/// <summary>UX 3.3 and 5 on the screens a worker reaches from /trabajo: idle timeout and "Conexión restablecida".</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkerScreensTests(Chromium chromium) : BrowserTest(chromium)
{
    /// <summary>Long enough that identifying and opening the detail screen on a loaded machine never outlasts it on /trabajo first.</summary>
    private static readonly Dictionary<string, string?> QuickIdle = new() { ["Zeues:Ui:IdleSeconds"] = "12", ["Zeues:Ui:IdleCountdownSeconds"] = "3" };

    [Theory]
    [InlineData("/spool/" + S1, "[data-testid=detail-tag]")]
    [InlineData("/registro", "[data-testid=record-worker]")]
    public async Task An_idle_worker_on_a_detail_screen_is_asked_and_then_returned_to_identification(string path, string loaded)
    {
        await using var app = new AppServer(settings: QuickIdle);
        var (page, _) = await Tablet.IdentifiedAsync(Chromium, app, NR);

        await page.EvaluateAsync($"() => Blazor.navigateTo('{path}')");
        await page.Locator(loaded).WaitForAsync();

        await Assertions.Expect(page.GetByText("¿SIGUES AHÍ?")).ToBeVisibleAsync(new() { Timeout = 40_000 });
        await Assertions.Expect(page.GetByText("¿QUIÉN ERES?")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("current-worker")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_spool_screen_says_conexion_restablecida_after_a_reconnect()
    {
        await using var app = new AppServer();
        var (page, _) = await Tablet.IdentifiedAsync(Chromium, app, NR);
        await page.EvaluateAsync($"() => Blazor.navigateTo('/spool/{S1}')");
        await page.GetByTestId("detail-tag").WaitForAsync();

        await ReconnectedNotice.WatchAsync(page);
        await page.EvaluateAsync("() => Blazor._internal.forceCloseConnection()");

        await ReconnectedNotice.SeenAsync(page);
    }

    [Fact]
    public async Task The_indicator_goes_from_en_linea_to_reconectando_to_sin_conexion_and_back()
    {
        await using var app = new AppServer();
        var (page, _) = await Tablet.IdentifiedAsync(Chromium, app, NR);
        await page.EvaluateAsync($"() => Blazor.navigateTo('/spool/{S1}')");
        await page.GetByTestId("detail-tag").WaitForAsync();
        var indicator = page.GetByTestId("connection");
        await Assertions.Expect(indicator.Locator("[data-state=online]")).ToBeVisibleAsync();
        await ReconnectedNotice.WatchAsync(page);

        await page.Context.SetOfflineAsync(true);
        await page.EvaluateAsync("() => Blazor._internal.forceCloseConnection()");

        await Assertions.Expect(indicator.Locator("[data-state=reconnecting]")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(indicator.Locator("[data-state=offline]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(indicator.Locator("[data-state=online]")).ToBeHiddenAsync();
        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(indicator.Locator("[data-state=online]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await ReconnectedNotice.SeenAsync(page);
    }
}
