using System.Text.Json;
using Microsoft.Playwright;
using Zeues.Core.Workbook;
using Zeues.Core.Workbook.Sqlite;
using Zeues.Tests.E2E.Pages;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.E2E;

/// <summary>FLOOR F2 in Debian Chromium: the foreman records for his crew, assigns in batch and keeps his list on the server.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ForemanScreenTests(Chromium chromium) : BrowserTest(chromium)
{
    private static async Task<IReadOnlyList<(string Evento, string? Worker, string? RegistradoPor)>> AuditAsync(AppServer app, string tag)
    {
        var metadata = (await new SqliteWorkbook(app.SqlitePath).ReadAsync([Sheets.Metadata]))[Sheets.Metadata];
        string? Cell(SheetRow r, string c) => CellReader.Text(metadata.Get(r, c));
        return metadata.Rows.Where(r => Cell(r, Col.TagSpool) == tag).Select(r =>
        {
            var json = JsonDocument.Parse(Cell(r, Col.MetadataJson) ?? "{}").RootElement;
            return (Cell(r, Col.EventoTipo)!, Cell(r, Col.WorkerNombre), json.TryGetProperty("registrado_por", out var p) ? p.GetString() : null);
        }).ToList();
    }

    private static async Task<string?> OcupadoPorAsync(AppServer app, string tag)
    {
        var sheet = (await new SqliteWorkbook(app.SqlitePath).ReadAsync([Sheets.Operaciones]))[Sheets.Operaciones];
        var row = sheet.Rows.Single(r => CellReader.Text(sheet.Get(r, Col.TagSpool)) == tag);
        return CellReader.Text(sheet.Get(row, Col.OcupadoPor));
    }

    [Fact]
    public async Task Without_the_supervisor_session_the_foreman_mode_shows_no_picker()
    {
        await using var app = new AppServer();
        var tablet = await Chromium.OpenAsync(new Uri(app.BaseAddress, "/supervisor"));

        await Assertions.Expect(tablet.GetByTestId("supervisor-login-required")).ToBeVisibleAsync();
        await Assertions.Expect(tablet.GetByTestId("spool-list")).ToHaveCountAsync(0);
        await Assertions.Expect(tablet.GetByTestId("supervisor-banner")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_foreman_starts_a_spool_for_a_worker_asking_for_whom_with_only_workers_who_may_do_it()
    {
        await using var app = AppServer.AtFixtureTime(out _);
        var page = await Chromium.OpenAsync(new Uri(app.BaseAddress, "/admin"));
        var foreman = new SupervisorPage(page);
        await foreman.OpenAsync(app.BaseAddress);
        await Assertions.Expect(foreman.Banner).ToHaveTextAsync("MODO SUPERVISOR · Ana Supervisora");

        await foreman.TabAsync("REPARACION");
        await foreman.Card(S7).ClickAsync();
        // REPARACION needs Armador or Soldador: MR, NR, CP; not JM (Metrologia) nor JP (Ayudante).
        await Assertions.Expect(foreman.ForWhom.Locator("[data-worker]")).ToHaveCountAsync(3);
        Assert.Equal(["93", "94", "95"], (await foreman.ForWhom.Locator("[data-worker]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.worker)")).Order());
        await foreman.ForAsync(MR);
        await page.GetByTestId("confirm").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"Reparación iniciada en {S7} (Ciclo 1/3)");

        Assert.Equal("MR(93)", await OcupadoPorAsync(app, S7));
        Assert.Contains(("INICIAR_SPOOL", "MR(93)", "Ana Supervisora"), await AuditAsync(app, S7));

        // The API with the same session cookie records for a worker too.
        var api = await page.APIRequest.PostAsync(new Uri(app.BaseAddress, "/api/commands").ToString(), new()
        {
            DataObject = new { commandId = Guid.NewGuid(), type = "INICIAR", tag = S1, workerId = MR, operacion = "ARM" },
        });
        Assert.Equal(200, api.Status);
        Assert.Equal("MR(93)", await OcupadoPorAsync(app, S1));
        Assert.Contains(("INICIAR_SPOOL", "MR(93)", "Ana Supervisora"), await AuditAsync(app, S1));
    }

    [Fact]
    public async Task Batch_assign_starts_the_selected_spools_for_one_worker_and_lists_each_result()
    {
        await using var app = AppServer.AtFixtureTime(out _);
        var page = await Chromium.OpenAsync(new Uri(app.BaseAddress, "/admin"));
        var foreman = new SupervisorPage(page);
        await foreman.OpenAsync(app.BaseAddress);

        foreach (var tag in new[] { S1, S3, S9, S18 }) await foreman.Card(tag).ClickAsync();
        await foreman.AssignAsync();
        await foreman.ForAsync(NR);
        // Meanwhile JP(97) takes one of them from his own tablet.
        using (var http = app.Http())
        {
            var taken = await http.PostAsync("/api/commands", JsonContent(new { commandId = Guid.NewGuid(), type = "INICIAR", tag = S9, workerId = JP, operacion = "ARM" }));
            Assert.True(taken.IsSuccessStatusCode);
        }
        await page.GetByTestId("confirm").ClickAsync();

        var dialog = page.GetByTestId("batch-dialog");
        await Assertions.Expect(page.GetByText("3 de 4 spools iniciados (1 con error)").First).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByTestId("batch-results")).ToContainTextAsync($"✗ {S9} — El spool {S9} ya está ocupado por JP(97)");
        foreach (var tag in new[] { S1, S3, S18 })
        {
            Assert.Equal("NR(94)", await OcupadoPorAsync(app, tag));
            Assert.Contains(("INICIAR_SPOOL", "NR(94)", "Ana Supervisora"), await AuditAsync(app, tag));
        }
    }

    [Fact]
    public async Task Mi_lista_survives_a_new_browser_context()
    {
        await using var app = AppServer.AtFixtureTime(out _);
        var first = await Chromium.OpenAsync(new Uri(app.BaseAddress, "/admin"));
        var foreman = new SupervisorPage(first);
        await foreman.OpenAsync(app.BaseAddress);
        await foreman.TabAsync("MI_LISTA");
        await first.Locator("input[data-testid=pin-input], [data-testid=pin-input] input").First.FillAsync(S3);
        await first.GetByTestId("pin-add").ClickAsync();
        await Assertions.Expect(foreman.ListaSpools.Locator($"[data-tag='{S3}']")).ToBeVisibleAsync();
        await foreman.TabAsync("ARM");
        await foreman.List.Locator($"[data-tools-tag='{S1}'] [data-testid=pin]").ClickAsync();
        await Assertions.Expect(first.Locator("[role=tab][data-op='MI_LISTA']")).ToHaveTextAsync("MI LISTA (2)");

        var second = await Chromium.OpenAsync(new Uri(app.BaseAddress, "/admin"));
        var again = new SupervisorPage(second);
        await again.OpenAsync(app.BaseAddress);
        await again.TabAsync("MI_LISTA");
        await Assertions.Expect(again.ListaSpools.Locator($"[data-tag='{S3}']")).ToBeVisibleAsync();
        await Assertions.Expect(again.ListaSpools.Locator($"[data-tag='{S1}']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_supervisor_defines_the_unions_of_a_v3_spool_on_its_page_and_worked_unions_are_locked()
    {
        await using var app = AppServer.AtFixtureTime(out _);
        var page = await Chromium.OpenAsync(new Uri(app.BaseAddress, "/admin"));
        await new AdminPage(page).LoginAsync();

        await page.GotoAsync(new Uri(app.BaseAddress, $"/spool/{S3}").ToString());
        await page.Locator("[data-interactive='true']").WaitForAsync();
        await page.GetByTestId("definir-uniones").ClickAsync();
        var dialog = page.GetByTestId("define-unions-dialog");
        await Assertions.Expect(dialog.Locator("tr[data-n='1'] [data-testid=locked]")).ToHaveTextAsync("armó NR(94)");
        await Assertions.Expect(dialog.Locator("tr[data-n='3'] [data-testid=locked]")).ToHaveCountAsync(0);

        await page.GotoAsync(new Uri(app.BaseAddress, $"/spool/{S9}").ToString());
        await page.Locator("[data-interactive='true']").WaitForAsync();
        await page.GetByTestId("definir-uniones").ClickAsync();
        await page.GetByTestId("add-count").FillAsync("3");
        await page.GetByTestId("add-count").DispatchEventAsync("change");
        await page.GetByTestId("add-unions").ClickAsync();
        await Assertions.Expect(page.GetByTestId("define-preview")).ToHaveTextAsync("Se crearán 3, se modificarán 0, se eliminarán 0");
        await page.GetByTestId("define-unions-dialog").Locator("tr[data-n='2'] select[data-field=tipo]").SelectOptionAsync("SO");
        await page.GetByTestId("guardar").ClickAsync();

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"Uniones de {S9}: 3 creadas, 0 modificadas, 0 eliminadas (total 3)");
        await Assertions.Expect(page.GetByTestId("unions").Locator("[data-union='009+2']")).ToContainTextAsync("SO");
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
