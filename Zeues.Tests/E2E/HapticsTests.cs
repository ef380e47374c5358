using Microsoft.Playwright;
using Zeues.Tests.E2E.Pages;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.E2E;

/// <summary>UX 4.4: a short vibration on success and a double one on error, where the browser can vibrate.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HapticsTests(Chromium chromium) : BrowserTest(chromium)
{
    [Fact]
    public async Task A_success_vibrates_once_and_an_error_twice()
    {
        await using var app = AppServer.AtFixtureTime(out _);
        var context = await Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, Locale = "es-CL" });
        // Records what the page asks the vibration motor to do.
        await context.AddInitScriptAsync("window.__vibrations = []; navigator.vibrate = p => { window.__vibrations.push(JSON.stringify(p)); return true; };");
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseAddress.ToString());
        await page.Locator("[data-interactive='true']").WaitForAsync();
        await new IdentifyPage(page).ChooseAsync(NR);
        var trabajo = new TrabajoPage(page);
        await trabajo.WaitAsync();

        await trabajo.SelectAsync(S1);
        await trabajo.StartSelectedAsync();
        await trabajo.ConfirmAsync();
        await page.WaitForFunctionAsync("window.__vibrations.includes('50')");

        // MR(93) takes spool 18 while NR(94) confirms it: SPOOL_OCUPADO.
        await trabajo.SelectAsync(S18);
        await trabajo.StartSelectedAsync();
        using (var http = app.Http())
        {
            var taken = await http.PostAsync("/api/commands", new StringContent(
                $$"""{"commandId":"{{Guid.NewGuid()}}","type":"INICIAR","tag":"{{S18}}","workerId":{{MR}},"operacion":"ARM"}""", System.Text.Encoding.UTF8, "application/json"));
            Assert.True(taken.IsSuccessStatusCode);
        }
        // The open confirmation announces the change (UX 5); confirming after ENTENDIDO is refused.
        await page.GetByTestId("spool-changed-ok").ClickAsync();
        await trabajo.ConfirmAsync();
        await Assertions.Expect(trabajo.DialogError).ToContainTextAsync("ya está ocupado por MR(93)");
        await page.WaitForFunctionAsync("window.__vibrations.includes('[80,60,80]')");
    }
}
