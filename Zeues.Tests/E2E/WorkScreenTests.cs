using Microsoft.Playwright;
using Zeues.Core.Workbook;
using Zeues.Core.Workbook.Sqlite;
using Zeues.Tests.E2E.Pages;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.E2E;

/// <summary>The worker's stories on a real Kestrel server in Debian Chromium (UX 8).</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkScreenTests(Chromium chromium) : Zeues.Tests.E2E.BrowserTest(chromium)
{
    private static async Task<(IPage Page, TrabajoPage Trabajo)> IdentifiedAsync(Chromium chromium, AppServer app, int worker, int width = 1280, int height = 800)
    {
        var page = await chromium.OpenAsync(app.BaseAddress, width, height);
        await new IdentifyPage(page).ChooseAsync(worker);
        var trabajo = new TrabajoPage(page);
        await trabajo.WaitAsync();
        await trabajo.CurrentWorker.WaitForAsync();
        return (page, trabajo);
    }

    [Fact]
    public async Task A_keyboard_wedge_scan_lands_on_trabajo_as_that_worker()
    {
        await using var app = new AppServer();
        var page = await Chromium.OpenAsync(app.BaseAddress);
        var identify = new IdentifyPage(page);
        Assert.Equal("none", await identify.Scan.GetAttributeAsync("inputmode"));

        await identify.ScanAsync("93");

        await new TrabajoPage(page).WaitAsync();
        await Assertions.Expect(new TrabajoPage(page).CurrentWorker).ToContainTextAsync("MR(93)");
    }

    [Fact]
    public async Task An_unknown_badge_shows_the_spanish_error_and_keeps_the_scan_field_focused()
    {
        await using var app = new AppServer();
        var page = await Chromium.OpenAsync(app.BaseAddress);
        var identify = new IdentifyPage(page);

        await identify.ScanAsync("0099");

        await Assertions.Expect(identify.Error).ToHaveTextAsync("No se encontró el trabajador con ID 99.");
        await Assertions.Expect(identify.Scan).ToBeFocusedAsync();
        await identify.ScanAsync("98");
        await Assertions.Expect(identify.Error).ToHaveTextAsync("El trabajador 98 no está activo. Consulta a tu supervisor.");
    }

    [Fact]
    public async Task Tabs_show_only_the_workers_operations()
    {
        await using var app = new AppServer();
        var (_, nr) = await IdentifiedAsync(Chromium, app, NR);
        await nr.Tabs.First.WaitForAsync();
        Assert.Equal(["ARM", "REPARACION"], await nr.Tabs.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.op)"));

        var (jmPage, jm) = await IdentifiedAsync(Chromium, app, JM);
        Assert.Equal(0, await jm.Tabs.CountAsync());
        await Assertions.Expect(jmPage.GetByRole(AriaRole.Heading, new() { Name = "METROLOGÍA" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_v4_spool_goes_from_iniciar_through_a_partial_finalizar_to_completado()
    {
        await using var app = new AppServer();
        var (page, trabajo) = await IdentifiedAsync(Chromium, app, NR);

        await trabajo.SelectAsync(S1);
        await trabajo.StartSelectedAsync();
        await trabajo.ConfirmAsync();
        await trabajo.MineCard(S1).WaitForAsync();
        await Assertions.Expect(trabajo.AvailableCard(S1)).ToHaveCountAsync(0);

        await trabajo.ActionAsync(S1, "FINALIZAR");
        await trabajo.ChooseUnionAsync("001+1");
        await trabajo.ChooseUnionAsync("001+2");
        await Assertions.Expect(page.GetByTestId("union-footer")).ToContainTextAsync("SELECCIONADAS: 2 de 4 · PULGADAS: 4.00\"");
        await Assertions.Expect(page.GetByTestId("union-footer")).ToContainTextAsync("quedará PAUSADO (2/4)");
        await trabajo.FinishUnionsAsync();
        await trabajo.ConfirmAsync();
        await Assertions.Expect(page.GetByText($"Trabajo pausado en {S1}: 2 uniones registradas (4.00\")")).ToBeVisibleAsync();
        await Assertions.Expect(trabajo.MineCard(S1)).ToHaveCountAsync(0);

        await trabajo.SelectAsync(S1);
        await trabajo.StartSelectedAsync();
        await trabajo.ConfirmAsync();
        await trabajo.ActionAsync(S1, "FINALIZAR");
        await Assertions.Expect(page.Locator("[data-union='001+1']")).ToContainTextAsync("✓ ARMADA · NR(94)");
        await page.GetByTestId("toggle-all").ClickAsync();
        await Assertions.Expect(page.GetByTestId("union-footer")).ToContainTextAsync("SELECCIONADAS: 2 de 2 · PULGADAS: 4.50\"");
        await Assertions.Expect(page.GetByTestId("union-footer")).ToContainTextAsync("ARMADO COMPLETA");
        await trabajo.FinishUnionsAsync();
        await trabajo.ConfirmAsync();
        await Assertions.Expect(page.GetByText($"ARMADO completado en {S1}: 2 uniones registradas (4.50\")")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_v3_spool_is_started_and_completed_and_never_offers_finalizar()
    {
        await using var app = new AppServer();
        var (page, trabajo) = await IdentifiedAsync(Chromium, app, NR);

        await trabajo.SelectAsync(S9);
        await trabajo.StartSelectedAsync();
        await trabajo.ConfirmAsync();
        var card = trabajo.MineCard(S9);
        await card.WaitForAsync();
        Assert.Equal(["COMPLETAR", "PAUSAR", "CANCELAR"], await card.Locator("[data-action]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.action)"));

        await trabajo.ActionAsync(S9, "COMPLETAR");
        await trabajo.ConfirmAsync();
        await Assertions.Expect(page.GetByText($"ARMADO completado en {S9}")).ToBeVisibleAsync();
        await Assertions.Expect(card).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task When_unions_appear_on_a_v3_spool_the_page_shows_version_incompatible_and_offers_finalizar()
    {
        await using var app = new AppServer();
        var (page, trabajo) = await IdentifiedAsync(Chromium, app, NR);
        await trabajo.SelectAsync(S9);
        await trabajo.StartSelectedAsync();
        await trabajo.ConfirmAsync();
        await trabajo.MineCard(S9).WaitForAsync();

        // The office adds a union row to the spool in the sheet.
        await new SqliteWorkbook(app.SqlitePath).ApplyAsync(new WorkbookBatch([],
            [new RowAppend(Sheets.Uniones, new Dictionary<string, object?> { [Col.Ot] = "009", [Col.NUnion] = 1d, [Col.TagSpool] = S9, [Col.DnUnion] = 2d, [Col.TipoUnion] = "BW" })],
            new Dictionary<string, HeaderMap>()));

        await trabajo.ActionAsync(S9, "COMPLETAR");
        await trabajo.ConfirmAsync();
        await Assertions.Expect(trabajo.DialogError).ToHaveTextAsync(
            $"El spool {S9} tiene uniones (v4.0): usa FINALIZAR y selecciona las uniones trabajadas");
        await page.GetByRole(AriaRole.Button, new() { Name = "VOLVER" }).ClickAsync();
        await Assertions.Expect(trabajo.MineCard(S9).Locator("[data-action='FINALIZAR']")).ToBeVisibleAsync();
        await Assertions.Expect(trabajo.MineCard(S9).Locator("[data-action='COMPLETAR']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_take_on_one_tablet_leaves_the_other_tablets_list()
    {
        await using var app = new AppServer();
        var (_, a) = await IdentifiedAsync(Chromium, app, NR);
        var (_, b) = await IdentifiedAsync(Chromium, app, JP);
        await b.AvailableCard(S1).WaitForAsync();

        await a.SelectAsync(S1);
        await a.StartSelectedAsync();
        await a.ConfirmAsync();

        await Assertions.Expect(b.AvailableCard(S1)).ToHaveCountAsync(0, new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task A_batch_start_reports_each_tag_and_the_one_taken_meanwhile()
    {
        await using var app = new AppServer();
        var (page, a) = await IdentifiedAsync(Chromium, app, NR);
        foreach (var tag in new[] { S1, S3, S9, S18 }) await a.SelectAsync(tag);
        // Someone takes S18 in the sheet itself: no event reaches this tablet before it confirms.
        var workbook = new SqliteWorkbook(app.SqlitePath);
        var ops = (await workbook.ReadAsync([Sheets.Operaciones]))[Sheets.Operaciones];
        var row = ops.Rows.Single(r => CellReader.Text(ops.Get(r, Col.TagSpool)) == S18).RowNumber;
        await workbook.ApplyAsync(new WorkbookBatch([new CellUpdate(Sheets.Operaciones, row, Col.OcupadoPor, "JP(97)")], [], new Dictionary<string, HeaderMap>()));

        await a.StartSelectedAsync();
        await a.ConfirmAsync();

        var results = page.GetByTestId("batch-results");
        await Assertions.Expect(page.GetByText("3 de 4 spools iniciados (1 con error)")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(results).ToContainTextAsync($"✗ {S18} — El spool {S18} ya está ocupado por JP(97).");
        await Assertions.Expect(results).ToContainTextAsync($"✓ {S1} iniciado");
        await page.GetByRole(AriaRole.Button, new() { Name = "LISTO" }).ClickAsync();
        await a.MineCard(S3).WaitForAsync();
        // SPOOL_OCUPADO drops the taken spool from the selection and the list (UX 6).
        await Assertions.Expect(a.AvailableCard(S18)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("start-selected")).ToContainTextAsync("(0)");
    }

    [Fact]
    public async Task After_a_reconnect_the_page_reloads_and_says_so()
    {
        await using var app = new AppServer();
        var (page, trabajo) = await IdentifiedAsync(Chromium, app, NR);

        await ReconnectedNotice.WatchAsync(page);
        await page.EvaluateAsync("() => Blazor._internal.forceCloseConnection()");

        await ReconnectedNotice.SeenAsync(page);
        await Assertions.Expect(trabajo.CurrentWorker).ToContainTextAsync("NR(94)");
    }

    [Fact]
    public async Task An_idle_tablet_asks_if_the_worker_is_still_there_and_returns_to_identification()
    {
        await using var app = new AppServer(settings: new Dictionary<string, string?> { ["Zeues:Ui:IdleSeconds"] = "5", ["Zeues:Ui:IdleCountdownSeconds"] = "3" });
        var (page, _) = await IdentifiedAsync(Chromium, app, NR);

        await Assertions.Expect(page.GetByText("¿SIGUES AHÍ?")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/trabajo"), new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByText("¿QUIÉN ERES?")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("current-worker")).ToHaveCountAsync(0);
    }
}
