using Microsoft.Playwright;
using Zeues.Core.Workbook;
using Zeues.Core.Workbook.Sqlite;
using Zeues.Tests.E2E.Pages;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.E2E.FlakyWifi;

/// <summary>FLOOR F5: /trabajo keeps working without the network and sends what the worker confirmed, exactly once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OfflineCaptureTests(Chromium chromium) : BrowserTest(chromium)
{
    private static readonly LocatorAssertionsToHaveTextOptions Long = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToContainTextOptions LongContains = new() { Timeout = 30_000 };

    private async Task<(IPage Page, TrabajoPage Trabajo, OfflineView Offline)> OfflineTabletAsync(AppServer app, int worker)
    {
        var (page, trabajo) = await Tablet.IdentifiedAsync(Chromium, app, worker);
        var offline = new OfflineView(page);
        await Eventually.TrueAsync(offline.ReadyAsync, TimeSpan.FromSeconds(30), "the page stored its data and the service worker took control");
        return (page, trabajo, offline);
    }

    [Fact]
    public async Task An_iniciar_captured_offline_survives_a_reload_and_is_registered_once_when_the_network_returns()
    {
        await using var app = new AppServer();
        var (page, _, offline) = await OfflineTabletAsync(app, NR);

        await offline.GoOfflineAsync();
        await Assertions.Expect(offline.Status).ToHaveTextAsync("SIN CONEXIÓN · 0 PENDIENTES", Long);
        await offline.IniciarAsync(S1);
        await Assertions.Expect(offline.Status).ToHaveTextAsync("SIN CONEXIÓN · 1 PENDIENTE");
        await Assertions.Expect(offline.MineCard(S1)).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Assertions.Expect(offline.Status).ToHaveTextAsync("SIN CONEXIÓN · 1 PENDIENTE", Long);
        await offline.GoOnlineAsync();

        await Assertions.Expect(offline.Item(S1)).ToContainTextAsync("REGISTRADO", LongContains);
        Assert.Equal(1, await Tablet.EventCountAsync(app, "INICIAR_SPOOL", S1));
        Assert.NotNull(await Tablet.JsonAsync(app, "INICIAR_SPOOL", S1, "capturado_offline"));
    }
}
