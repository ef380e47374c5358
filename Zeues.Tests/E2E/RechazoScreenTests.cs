using Microsoft.Playwright;
using Zeues.Tests.E2E.Pages;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.E2E;

/// <summary>FLOOR F4 in Debian Chromium: the inspector says why, the repairer's card shows it, the board counts it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RechazoScreenTests(Chromium chromium) : BrowserTest(chromium)
{
    [Fact]
    public async Task A_rejection_with_motivo_and_unions_shows_on_the_repairers_card_and_on_the_board()
    {
        await using var app = AppServer.AtFixtureTime(out _);
        var inspector = await Chromium.OpenAsync(app.BaseAddress);
        await new IdentifyPage(inspector).ChooseAsync(JM);
        var metrologia = new TrabajoPage(inspector);
        await metrologia.WaitAsync();

        await metrologia.SelectAsync(S6);
        await inspector.GetByTestId("rechazado").ClickAsync();
        await Assertions.Expect(inspector.GetByTestId("continuar")).ToBeDisabledAsync();
        await inspector.Locator("[data-motivo='POROSIDAD']").ClickAsync();
        await inspector.Locator("input[data-testid=detalle], [data-testid=detalle] input").First.FillAsync("poro en la raíz");
        await metrologia.ChooseUnionAsync("006+1");
        await inspector.GetByTestId("continuar").ClickAsync();
        await Assertions.Expect(inspector.GetByTestId("command-dialog")).ToContainTextAsync("Motivo: POROSIDAD — poro en la raíz");
        await metrologia.ConfirmAsync();
        await Assertions.Expect(metrologia.Snackbar).ToContainTextAsync($"Metrología RECHAZADA para {S6}: Ciclo 1/3");

        var repairer = await Chromium.OpenAsync(app.BaseAddress);
        await new IdentifyPage(repairer).ChooseAsync(NR);
        var reparacion = new TrabajoPage(repairer);
        await reparacion.WaitAsync();
        await reparacion.TabAsync("REPARACION");
        var card = reparacion.AvailableCard(S6);
        await Assertions.Expect(card.GetByTestId("rechazo-motivo")).ToHaveTextAsync("RECHAZO: POROSIDAD");
        await Assertions.Expect(card.GetByTestId("ultimo-rechazo")).ToContainTextAsync("poro en la raíz");
        await Assertions.Expect(card.Locator("[data-union='006+1']")).ToHaveTextAsync("UNIÓN 1 · soldó CP(95)");

        // The repair dialog highlights the rejected union with its welder.
        await reparacion.SelectAsync(S6);
        var rejectedRow = repairer.GetByTestId("command-dialog").Locator("tr[data-union='006+1']");
        await Assertions.Expect(rejectedRow).ToHaveAttributeAsync("data-rechazada", "true");
        await Assertions.Expect(rejectedRow).ToContainTextAsync("CP(95)");
        await Assertions.Expect(repairer.GetByTestId("command-dialog").Locator("tr[data-union='006+2']")).ToHaveAttributeAsync("data-rechazada", "false");

        var board = await Chromium.OpenAsync(new Uri(app.BaseAddress, "/dashboard"), 1920, 1080);
        await Assertions.Expect(board.GetByTestId("rechazos-motivo").Locator("[data-motivo='POROSIDAD']")).ToContainTextAsync("1");
        await Assertions.Expect(board.GetByTestId("rechazos-soldador").Locator("[data-soldador='CP(95)']")).ToContainTextAsync("CP(95) Carlos Pimiento");
    }
}
