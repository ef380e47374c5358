using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Zeues.Core.Domain;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.E2E.FlakyWifi;

/// <summary>UX 5: "Este spool cambió" on an open confirmation whose spool another tablet changed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChangedSpoolTests(Chromium chromium) : BrowserTest(chromium)
{
    [Fact]
    public async Task Another_tablets_change_raises_the_banner_and_confirmar_waits_for_entendido()
    {
        await using var app = new AppServer();
        var (page, trabajo) = await Tablet.IdentifiedAsync(Chromium, app, NR);
        await trabajo.SelectAsync(S1);
        await trabajo.StartSelectedAsync();
        var confirm = page.GetByTestId("confirm");
        await Assertions.Expect(confirm).ToBeEnabledAsync();

        var other = await app.Services.GetRequiredService<SpoolCommands>()
            .ExecuteAsync(new CommandRequest(Guid.NewGuid(), CommandType.NOTA, S1, Actor.ForWorker(MR), Texto: "revisar brida"));
        Assert.True(other.Succeeded);

        // UX 5 asks for 1 s; the wait is generous so a loaded machine does not make it flaky.
        await Assertions.Expect(page.GetByTestId("spool-changed")).ToContainTextAsync("Este spool cambió:", new() { Timeout = 10_000 });
        await Assertions.Expect(confirm).ToBeDisabledAsync();
        await page.GetByTestId("spool-changed-ok").ClickAsync();
        await Assertions.Expect(confirm).ToBeEnabledAsync();
        await trabajo.ConfirmAsync();
        await trabajo.MineCard(S1).WaitForAsync();
    }
}
