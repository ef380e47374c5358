using System.Text.Json;
using Microsoft.Playwright;
using Zeues.Core.Workbook;
using Zeues.Core.Workbook.Sqlite;
using Zeues.Tests.E2E.Pages;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.E2E;

/// <summary>The supervisor side in Debian Chromium: live board, server-side elapsed time, admin login and audit.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SupervisorTests(Chromium chromium) : Zeues.Tests.E2E.BrowserTest(chromium)
{
    [Fact]
    public async Task A_take_on_trabajo_shows_on_the_dashboard()
    {
        await using var app = new AppServer();
        var board = await Chromium.OpenAsync(new Uri(app.BaseAddress, "/dashboard"), 1920, 1080);
        var occupied = board.GetByTestId("occupied");
        await Assertions.Expect(occupied.Locator($"[data-tag='{S1}']")).ToHaveCountAsync(0);
        var stamp = await board.GetByTestId("stamp").TextContentAsync();

        var tablet = await Chromium.OpenAsync(app.BaseAddress);
        await new IdentifyPage(tablet).ChooseAsync(NR);
        var trabajo = new TrabajoPage(tablet);
        await trabajo.WaitAsync();
        await trabajo.SelectAsync(S1);
        await trabajo.StartSelectedAsync();
        await trabajo.ConfirmAsync();

        await Assertions.Expect(occupied.Locator($"[data-occupant='NR(94)'] [data-tag='{S1}']")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        Assert.NotEqual(stamp, await board.GetByTestId("stamp").TextContentAsync());
        await board.ScreenshotAsync(new() { Path = DocsPath.For("board.png") });
    }

    [Fact]
    public async Task Elapsed_time_is_computed_on_the_server_in_plant_time_whatever_the_browser_zone()
    {
        await using var app = AppServer.AtFixtureTime(out _);
        var context = await Chromium.NewContextAsync(new() { TimezoneId = "Asia/Tokyo", ViewportSize = new() { Width = 1920, Height = 1080 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/dashboard").ToString());
        await page.Locator("[data-interactive='true']").WaitForAsync();

        var mr = page.Locator("[data-occupant='MR(93)']");
        await Assertions.Expect(mr.Locator($"[data-tag='{S2}'] [data-testid=elapsed]")).ToHaveTextAsync("1h 45m");
        await Assertions.Expect(mr.Locator($"[data-tag='{S2}']")).ToContainTextAsync("desde 08:15");
        await Assertions.Expect(mr.Locator($"[data-tag='{S8}'] [data-testid=elapsed]")).ToHaveTextAsync("1h 0m");
        await Assertions.Expect(page.Locator($"[data-occupant='CP(95)'] [data-tag='{S5}'] [data-testid=elapsed]")).ToHaveTextAsync("2h 20m");
    }

    [Fact]
    public async Task Admin_refuses_anonymous_users_and_its_commands_answer_401()
    {
        await using var app = new AppServer();
        var page = await Chromium.OpenAsync(new Uri(app.BaseAddress, "/admin"));

        await Assertions.Expect(page.GetByTestId("login-form")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-action='LIBERAR']")).ToHaveCountAsync(0);
        var response = await page.APIRequest.PostAsync(new Uri(app.BaseAddress, "/api/commands").ToString(), new()
        {
            DataObject = new { commandId = Guid.NewGuid(), type = "LIBERAR", tag = S2, texto = "turno terminado" },
        });
        Assert.Equal(401, response.Status);

        var admin = new AdminPage(page);
        await admin.SubmitAsync("Ana Supervisora", "equivocada");
        await Assertions.Expect(admin.LoginError).ToHaveTextAsync("Clave incorrecta.");
    }

    [Fact]
    public async Task A_logged_in_supervisor_releases_and_unblocks_with_audit_rows_and_may_use_the_api()
    {
        await using var app = new AppServer();
        var page = await Chromium.OpenAsync(new Uri(app.BaseAddress, "/admin"));
        await new AdminPage(page).LoginAsync();

        // The OCUPADOS list itself: after a shift end the same spool also stands in SIN CIERRE DE TURNO above it.
        await page.Locator($"[data-testid=occupied] [data-tag='{S2}'] [data-action='LIBERAR']").ClickAsync();
        await page.Locator("input[data-testid=motivo], [data-testid=motivo] input").First.FillAsync("cambio de turno");
        await Assertions.Expect(page.GetByTestId("preview")).ToContainTextAsync("ARM parcial 1/3 (pausado)");
        await page.GetByTestId("confirm").ClickAsync();
        await Assertions.Expect(page.GetByText($"Spool {S2} liberado por supervisor")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "BLOQUEADOS" }).ClickAsync();
        await page.Locator($"[data-tag='{S12}'] [data-action='DESBLOQUEAR']").ClickAsync();
        await page.Locator("input[data-testid=motivo], [data-testid=motivo] input").First.FillAsync("revisado en terreno");
        await page.GetByTestId("confirm").ClickAsync();
        await Assertions.Expect(page.GetByText($"Spool {S12} desbloqueado: RECHAZADO (Ciclo 2/3)")).ToBeVisibleAsync();

        var api = await page.APIRequest.PostAsync(new Uri(app.BaseAddress, "/api/commands").ToString(), new()
        {
            DataObject = new { commandId = Guid.NewGuid(), type = "LIBERAR", tag = S5, texto = "fin de turno" },
        });
        Assert.Equal(200, api.Status);

        var metadata = (await new SqliteWorkbook(app.SqlitePath).ReadAsync([Sheets.Metadata]))[Sheets.Metadata];
        string? Cell(SheetRow r, string c) => CellReader.Text(metadata.Get(r, c));
        var audit = metadata.Rows.Where(r => Cell(r, Col.WorkerNombre) == "SUPERVISOR").ToList();
        Assert.Equal(["LIBERACION_FORZADA", "SUPERVISOR_OVERRIDE", "LIBERACION_FORZADA"], audit.Select(r => Cell(r, Col.EventoTipo)));
        Assert.All(audit, r => Assert.Equal("0", Cell(r, Col.MetaWorkerId)));
        Assert.All(audit, r => Assert.Equal("Ana Supervisora", JsonDocument.Parse(Cell(r, Col.MetadataJson)!).RootElement.GetProperty("supervisor").GetString()));
        Assert.Equal("cambio de turno", JsonDocument.Parse(Cell(audit[0], Col.MetadataJson)!).RootElement.GetProperty("motivo").GetString());
    }

    [Fact]
    public async Task An_open_admin_screen_returns_to_the_login_when_its_session_is_ended_elsewhere()
    {
        await using var app = new AppServer(settings: new Dictionary<string, string?> { ["Zeues:Supervisor:SessionCheckSeconds"] = "2" });
        var page = await Chromium.OpenAsync(new Uri(app.BaseAddress, "/admin"));
        await new AdminPage(page).LoginAsync();
        await Assertions.Expect(page.Locator("[data-action='LIBERAR']").First).ToBeVisibleAsync();

        // The same session logged out from another tab or device: only the cookie is shared, the circuit is not told.
        using var elsewhere = new AdminClient(app.BaseAddress);
        elsewhere.Cookies["zeues.supervisor"] = (await page.Context.CookiesAsync()).Single(c => c.Name == "zeues.supervisor").Value;
        await elsewhere.LogoutAsync();

        await Assertions.Expect(page.GetByTestId("login-form")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-action='LIBERAR']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Spool_detail_shows_unions_history_and_an_unknown_tag_message()
    {
        await using var app = AppServer.AtFixtureTime(out _);
        var page = await Chromium.OpenAsync(new Uri(app.BaseAddress, $"/spool/{S2}"));

        await Assertions.Expect(page.GetByTestId("detail-tag")).ToHaveTextAsync(S2);
        await Assertions.Expect(page.GetByTestId("unions").Locator("[data-union='002+1']")).ToContainTextAsync("NR(94) · 21-01 11:30");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("NR(94) · ARMADO · 21-01-2026 09:00 → 11:30 · 2h 30m · PAUSADO · 1 unión · 4.00\"");

        var unknown = await Chromium.OpenAsync(new Uri(app.BaseAddress, "/spool/NO-EXISTE"));
        await Assertions.Expect(unknown.GetByTestId("detail-error")).ToHaveTextAsync("No se encontró el spool NO-EXISTE. Verifica el TAG.");
    }

    [Fact]
    public async Task The_daily_record_shows_a_workers_unions_and_totals_for_a_chosen_day()
    {
        await using var app = AppServer.AtFixtureTime(out _);
        var page = await Chromium.OpenAsync(new Uri(app.BaseAddress, "/registro"));

        await page.GetByTestId("record-scan").FillAsync("94");
        await page.GetByTestId("record-scan").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("record-empty")).ToHaveTextAsync("Sin trabajo registrado el 22-01-2026.");
        await page.GetByRole(AriaRole.Button, new() { Name = "AYER" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("record-total")).ToContainTextAsync("4.00\" pulgadas-diámetro");
        await Assertions.Expect(page.Locator("[data-union='002+1']")).ToBeVisibleAsync();
    }
}
