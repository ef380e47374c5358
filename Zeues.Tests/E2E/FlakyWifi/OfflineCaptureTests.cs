using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Zeues.Core.Domain;
using Zeues.Core.Workflows;
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

    [Fact]
    public async Task An_offline_finalizar_of_two_unions_records_both_once()
    {
        await using var app = new AppServer();
        var (_, trabajo, offline) = await OfflineTabletAsync(app, NR);
        await trabajo.SelectAsync(S1);
        await trabajo.StartSelectedAsync();
        await trabajo.ConfirmAsync();
        await trabajo.MineCard(S1).WaitForAsync();
        await Eventually.TrueAsync(async () => await offline.MineHasAsync(S1), TimeSpan.FromSeconds(30), "the stored data has S1 in Mis spools");

        await offline.GoOfflineAsync();
        await offline.ActionAsync(S1, "FINALIZAR");
        await offline.ChooseUnionAsync("001+1");
        await offline.ChooseUnionAsync("001+2");
        await Assertions.Expect(offline.Dialog).ToContainTextAsync("SELECCIONADAS: 2 de 4 · PULGADAS: 4.00\"");
        await offline.FinishUnionsAsync();
        await Assertions.Expect(offline.Dialog).ToContainTextAsync("2 uniones · 4.00\"");
        await offline.ConfirmAsync();
        await Assertions.Expect(offline.Status).ToHaveTextAsync("SIN CONEXIÓN · 1 PENDIENTE");
        await offline.GoOnlineAsync();

        await Assertions.Expect(offline.Item(S1)).ToContainTextAsync("REGISTRADO", LongContains);
        await Assertions.Expect(offline.Item(S1)).ToContainTextAsync($"Trabajo pausado en {S1}: 2 uniones registradas (4.00\")");
        Assert.Equal(2, await Tablet.EventCountAsync(app, "UNION_ARM_REGISTRADA", S1));
        Assert.Equal(1, await Tablet.EventCountAsync(app, "PAUSAR_SPOOL", S1));
    }

    [Fact]
    public async Task A_spool_another_tablet_took_meanwhile_shows_who_took_it_and_nothing_is_written()
    {
        await using var app = new AppServer();
        var (_, _, offline) = await OfflineTabletAsync(app, NR);

        await offline.GoOfflineAsync();
        await Assertions.Expect(offline.Status).ToHaveTextAsync("SIN CONEXIÓN · 0 PENDIENTES", Long);
        await offline.IniciarAsync(S1);
        var taken = await app.Services.GetRequiredService<SpoolCommands>()
            .ExecuteAsync(new CommandRequest(Guid.NewGuid(), CommandType.INICIAR, S1, Actor.ForWorker(MR), Operacion.ARM));
        Assert.True(taken.Succeeded);
        await offline.GoOnlineAsync();

        await Assertions.Expect(offline.Item(S1)).ToContainTextAsync(new System.Text.RegularExpressions.Regex(
            $"MR\\(93\\) tomó {S1} a las \\d\\d:\\d\\d: tu INICIAR no se registró"), LongContains);
        await Assertions.Expect(offline.Item(S1)).ToContainTextAsync("NO REGISTRADO");
        Assert.Equal(1, await Tablet.EventCountAsync(app, "INICIAR_SPOOL", S1));
    }

    [Fact]
    public async Task An_action_queued_more_than_8_hours_ago_is_shown_expired_and_never_sent()
    {
        await using var app = new AppServer();
        var (page, _, offline) = await OfflineTabletAsync(app, NR);

        await offline.GoOfflineAsync();
        await Assertions.Expect(offline.Status).ToHaveTextAsync("SIN CONEXIÓN · 0 PENDIENTES", Long);
        await offline.IniciarAsync(S1);
        // The device clock moved on: the item was captured 9 hours ago.
        await page.EvaluateAsync("() => { const q = JSON.parse(localStorage.getItem('zeues.offline.queue')); " +
            "q.forEach(i => i.capturedAt = new Date(Date.now() - 9 * 3600 * 1000).toISOString()); localStorage.setItem('zeues.offline.queue', JSON.stringify(q)); }");
        await offline.GoOnlineAsync();

        await Assertions.Expect(offline.Item(S1)).ToContainTextAsync("EXPIRADA", LongContains);
        await Assertions.Expect(offline.Item(S1)).ToContainTextAsync("Capturada hace más de 8 horas: no se envió.", LongContains);
        Assert.Equal(0, await Tablet.EventCountAsync(app, "INICIAR_SPOOL", S1));
    }

    [Fact]
    public async Task Cambiar_trabajador_removes_the_offline_copy_of_the_workers_screen()
    {
        await using var app = new AppServer();
        var (page, _, offline) = await OfflineTabletAsync(app, NR);

        await page.GetByTestId("change-worker").ClickAsync();

        await Eventually.TrueAsync(async () => !await offline.HasDataAsync(), TimeSpan.FromSeconds(30), "the offline data was removed");
    }
}
