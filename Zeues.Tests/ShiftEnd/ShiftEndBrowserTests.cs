using System.Text.Json;
using Microsoft.Playwright;
using Zeues.Core.Reports;
using Zeues.Core.Workbook;
using Zeues.Core.Workbook.Sqlite;
using Zeues.Tests.E2E;
using Zeues.Tests.E2E.Pages;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.ShiftEnd;

/// <summary>FLOOR F6 in Debian Chromium on a real Kestrel server whose plant clock is a fake one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ShiftEndBrowserTests(Chromium chromium) : BrowserTest(chromium)
{
    private static DateTimeOffset At(int hour, int minute, int second = 0) => TestPlant.ToUtc(new DateTime(2026, 1, 22, hour, minute, second));

    [Fact]
    public async Task Trabajo_asks_fin_de_turno_from_fifteen_minutes_before_the_shift_end_and_not_before()
    {
        await using var app = AppServer.AtFixtureTime(out var time);
        time.SetUtcNow(At(17, 14, 59));
        var page = await Chromium.OpenAsync(app.BaseAddress);
        await new IdentifyPage(page).ChooseAsync(MR);
        var trabajo = new TrabajoPage(page);
        await trabajo.WaitAsync();
        await Assertions.Expect(trabajo.MineCard(S8)).ToBeVisibleAsync();
        // Rendered together with Mis spools: at 17:14:59 there is nothing to ask.
        await Assertions.Expect(page.GetByTestId("shift-end")).ToHaveCountAsync(0);

        time.SetUtcNow(At(17, 15));

        var prompt = page.GetByTestId("shift-end");
        await Assertions.Expect(prompt.Locator($"[data-tag='{S2}'] h2")).ToHaveTextAsync($"FIN DE TURNO: ¿SIGUES CON {S2}?", new() { Timeout = 20_000 });
        await Assertions.Expect(prompt.Locator($"[data-tag='{S8}'] h2")).ToHaveTextAsync($"FIN DE TURNO: ¿SIGUES CON {S8}?");
        // Each spool's own actions: v4 ARM finishes by unions, the repair completes or pauses.
        Assert.Equal(["FINALIZAR", "CANCELAR", "SIGO"], await prompt.Locator($"[data-tag='{S2}'] [data-action]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.action)"));
        Assert.Equal(["COMPLETAR", "PAUSAR", "CANCELAR", "SIGO"], await prompt.Locator($"[data-tag='{S8}'] [data-action]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.action)"));
        await Assertions.Expect(prompt.Locator($"[data-tag='{S8}'] [data-action='SIGO']")).ToHaveTextAsync("SIGO TRABAJANDO");

        await prompt.Locator($"[data-tag='{S8}'] [data-action='SIGO']").ClickAsync();
        await Assertions.Expect(prompt.Locator($"[data-tag='{S8}']")).ToHaveCountAsync(0);
        await Assertions.Expect(trabajo.MineCard(S8)).ToBeVisibleAsync();

        // An action runs the normal dialog sequence of Mis spools.
        await prompt.Locator($"[data-tag='{S2}'] [data-action='CANCELAR']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("command-dialog")).ToContainTextAsync($"El spool {S2} quedará disponible y no se registrará trabajo.");
        await trabajo.ConfirmAsync();
        await Assertions.Expect(trabajo.MineCard(S2)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("shift-end")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Admin_releases_occupations_left_from_the_last_shift_one_by_one_and_all_after_a_preview_with_audit_rows()
    {
        await using var app = AppServer.AtFixtureTime(out var time);
        time.SetUtcNow(At(18, 0));
        var page = await Chromium.OpenAsync(new Uri(app.BaseAddress, "/admin"));
        await new AdminPage(page).LoginAsync();
        var orphans = page.GetByTestId("orphans");
        await Assertions.Expect(orphans.Locator("h2")).ToHaveTextAsync("SIN CIERRE DE TURNO (3)");

        await orphans.Locator($"[data-tag='{S5}'] [data-action='LIBERAR']").ClickAsync();
        var motivo = page.Locator("input[data-testid=motivo], [data-testid=motivo] input").First;
        await Assertions.Expect(motivo).ToHaveValueAsync("Fin de turno sin cierre");
        await page.GetByTestId("confirm").ClickAsync();
        await Assertions.Expect(page.GetByText($"Spool {S5} liberado por supervisor")).ToBeVisibleAsync();
        await Assertions.Expect(orphans.Locator("h2")).ToHaveTextAsync("SIN CIERRE DE TURNO (2)");

        await page.GetByTestId("release-all").ClickAsync();
        var dialog = page.GetByTestId("orphan-release-dialog");
        Assert.Equal([S2, S8], await dialog.GetByTestId("orphan-preview").Locator("[data-tag]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.tag)"));
        await Assertions.Expect(page.Locator("input[data-testid=motivo], [data-testid=motivo] input").First).ToHaveValueAsync("Fin de turno sin cierre");
        await page.GetByTestId("confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("orphan-summary")).ToHaveTextAsync("2 de 2 spools liberados");
        await page.GetByTestId("done").ClickAsync();
        await Assertions.Expect(orphans).ToHaveCountAsync(0);

        var metadata = (await new SqliteWorkbook(app.SqlitePath).ReadAsync([Sheets.Metadata]))[Sheets.Metadata];
        string? Cell(SheetRow r, string c) => CellReader.Text(metadata.Get(r, c));
        var audit = metadata.Rows.Where(r => Cell(r, Col.EventoTipo) == "LIBERACION_FORZADA").ToList();
        Assert.Equal([S5, S2, S8], audit.Select(r => Cell(r, Col.TagSpool)));
        Assert.Equal(3, audit.Select(r => Cell(r, Col.Id)).Distinct().Count());
        Assert.All(audit, r => Assert.Equal("Fin de turno sin cierre", JsonDocument.Parse(Cell(r, Col.MetadataJson)!).RootElement.GetProperty("motivo").GetString()));
        Assert.All(audit, r => Assert.Equal("Ana Supervisora", JsonDocument.Parse(Cell(r, Col.MetadataJson)!).RootElement.GetProperty("supervisor").GetString()));
    }

    [Fact]
    public async Task The_daily_report_is_written_from_admin_and_from_the_api_with_a_supervisor_session_only()
    {
        await using var app = AppServer.AtFixtureTime(out _);
        using (var anonymous = app.Http())
        {
            var refused = await anonymous.PostAsync("/api/admin/parte-diario?fecha=21-01-2026", null);
            Assert.Equal(401, (int)refused.StatusCode);
        }
        var page = await Chromium.OpenAsync(new Uri(app.BaseAddress, "/admin"));
        await new AdminPage(page).LoginAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "PARTE DIARIO" }).ClickAsync();
        await page.GetByTestId("write-parte").ClickAsync();
        await Assertions.Expect(page.GetByTestId("parte-result")).ToHaveTextAsync("Parte diario del 22-01-2026 escrito: 0 trabajadores + TOTAL.");

        async Task<JsonElement> PostAsync(string query, int status)
        {
            var response = await page.APIRequest.PostAsync(new Uri(app.BaseAddress, "/api/admin/parte-diario" + query).ToString());
            Assert.Equal(status, response.Status);
            return JsonDocument.Parse(await response.TextAsync()).RootElement;
        }
        var first = await PostAsync("?fecha=21-01-2026", 200);
        Assert.Equal(0, first.GetProperty("filasReemplazadas").GetInt32());
        var workers = first.GetProperty("trabajadores").GetInt32();
        Assert.True(workers > 0, "the demo plant has work on 21-01-2026");
        var again = await PostAsync("?fecha=21-01-2026", 200);
        Assert.Equal(("21-01-2026", workers, workers + 1), (again.GetProperty("fecha").GetString(), again.GetProperty("trabajadores").GetInt32(), again.GetProperty("filasReemplazadas").GetInt32()));
        var today = await PostAsync("", 200);
        Assert.Equal(("22-01-2026", 1), (today.GetProperty("fecha").GetString(), today.GetProperty("filasReemplazadas").GetInt32()));
        Assert.Equal("DATOS_INVALIDOS", (await PostAsync("?fecha=31-02-2026", 422)).GetProperty("code").GetString());

        var sheet = (await new SqliteWorkbook(app.SqlitePath).ReadAsync([ParteDiario.Sheet]))[ParteDiario.Sheet];
        Assert.Equal([.. Enumerable.Repeat("21-01-2026", workers + 1), "22-01-2026"], sheet.Rows.Select(r => CellReader.Text(sheet.Get(r, "Fecha"))).Order());
    }
}
