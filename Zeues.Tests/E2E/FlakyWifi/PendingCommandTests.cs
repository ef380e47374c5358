using Microsoft.Playwright;
using Zeues.Core.Workbook;
using Zeues.Core.Workbook.Sqlite;
using Zeues.Tests.E2E.Pages;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.E2E.FlakyWifi;

/// <summary>FLOOR F5 / UX 5: a command whose answer was lost to a reload is resent with its id and its real outcome shown.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PendingCommandTests(Chromium chromium) : BrowserTest(chromium)
{
    [Fact]
    public async Task A_reload_while_the_answer_is_on_its_way_resends_the_same_id_and_shows_the_original_outcome()
    {
        var gate = new WorkbookGate();
        await using var app = new AppServer(services: gate.Install);
        var (page, trabajo) = await Tablet.IdentifiedAsync(Chromium, app, NR);
        await trabajo.SelectAsync(S1);
        await trabajo.StartSelectedAsync();
        await trabajo.ConfirmAsync();
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(60));

        await page.ReloadAsync();
        await page.Locator("[data-interactive='true']").WaitForAsync();
        gate.Release();

        await Assertions.Expect(page.GetByText($"Spool {S1} iniciado: ARMADO por NR(94)")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(trabajo.MineCard(S1)).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Equal(1, await Tablet.EventCountAsync(app, "INICIAR_SPOOL", S1));
    }
}
