using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Zeues.Core.Queries;
using Zeues.Core.Workbook;
using Zeues.Core.Workbook.Sqlite;
using Zeues.Tests.E2E.Pages;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.E2E;

/// <summary>FLOOR F1 on /trabajo: "¿por qué no aparece?" answered by the rule book, never "Ningún spool coincide".</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReasonCardTests(Chromium chromium) : BrowserTest(chromium)
{
    private async Task<(IPage Page, TrabajoPage Trabajo)> IdentifiedAsync(AppServer app, int worker)
    {
        var page = await Chromium.OpenAsync(app.BaseAddress);
        await new IdentifyPage(page).ChooseAsync(worker);
        var trabajo = new TrabajoPage(page);
        await trabajo.WaitAsync();
        await trabajo.CurrentWorker.WaitForAsync();
        return (page, trabajo);
    }

    [Fact]
    public async Task A_searched_spool_that_the_tab_does_not_offer_shows_why_and_the_tab_that_takes_it()
    {
        await using var app = new AppServer();
        var (page, trabajo) = await IdentifiedAsync(app, NR);
        await trabajo.AvailableCard(S1).WaitForAsync();

        await trabajo.SearchAsync(S2);
        var taken = trabajo.ReasonCard(S2);
        await Assertions.Expect(taken).ToContainTextAsync("NO DISPONIBLE PARA ARMADO");
        await Assertions.Expect(taken.GetByTestId("reason")).ToHaveTextAsync(
            $"El spool {S2} ya está ocupado por MR(93). Espera a que termine o elige otro spool.");
        await Assertions.Expect(taken.GetByTestId("ir-a")).ToHaveCountAsync(0);

        await trabajo.SearchAsync(S7);
        var rejected = trabajo.ReasonCard(S7);
        await Assertions.Expect(rejected.GetByTestId("reason")).ToHaveTextAsync($"ARMADO ya está completado en el spool {S7}.");
        await Assertions.Expect(rejected.GetByTestId("ir-a")).ToHaveTextAsync("IR A REPARACIÓN");
        await Assertions.Expect(page.GetByText("Ningún spool coincide")).ToHaveCountAsync(0);

        await trabajo.GoToOtherTabAsync(S7);
        await Assertions.Expect(page.Locator("[role=tab][data-op='REPARACION']")).ToHaveClassAsync(new Regex("\\bactive\\b"));
        await Assertions.Expect(trabajo.AvailableCard(S7)).ToBeVisibleAsync();
        await Assertions.Expect(trabajo.ReasonCard(S7)).ToHaveCountAsync(0);

        await trabajo.SearchAsync("NO-EXISTE-77");
        await Assertions.Expect(trabajo.NotFound).ToHaveTextAsync("No se encontró el spool NO-EXISTE-77. Verifica el TAG.");
    }

    [Fact]
    public async Task Without_a_critical_column_the_work_screen_shows_the_banner_and_no_actionable_rows()
    {
        await using var app = new AppServer();
        await new SqliteWorkbook(app.SqlitePath).RenameColumnAsync(Sheets.Operaciones, Col.OcupadoPor, "Ocupante");
        await app.Services.GetRequiredService<SnapshotCache>().ReloadAsync();

        var (page, trabajo) = await IdentifiedAsync(app, MR);

        await Assertions.Expect(trabajo.SchemaBanner).ToContainTextAsync("Falta la columna \"Ocupado_Por\" en la hoja Operaciones.");
        await Assertions.Expect(trabajo.Mine.Locator("[data-tag]")).ToHaveCountAsync(0);
        await Assertions.Expect(trabajo.Available.Locator("[data-tag]")).ToHaveCountAsync(0);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/trabajo$"));
    }
}
