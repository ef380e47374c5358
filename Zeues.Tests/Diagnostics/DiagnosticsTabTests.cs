using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Zeues.Core.Diagnostics;
using Zeues.Core.Domain;
using Zeues.Tests.E2E;
using Zeues.Tests.E2E.Pages;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Diagnostics;

/// <summary>The /admin DIAGNÓSTICO tab in Debian Chromium, over the real app.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DiagnosticsTabTests(Chromium chromium) : Zeues.Tests.E2E.BrowserTest(chromium)
{
    [Fact]
    public async Task The_diagnostics_tab_lists_a_failed_command_with_its_code_and_step_and_filters_by_code_and_tag()
    {
        await using var app = new AppServer();
        using var http = app.Http();
        async Task<HttpStatusCode> StartAsync(string tag) => (await http.PostAsJsonAsync("/api/commands",
            new { commandId = Guid.NewGuid(), type = "INICIAR", tag, workerId = NR, operacion = "ARM" })).StatusCode;
        Assert.Equal(HttpStatusCode.Conflict, await StartAsync(S2));
        Assert.Equal(HttpStatusCode.OK, await StartAsync(S1));

        var page = await Chromium.OpenAsync(new Uri(app.BaseAddress, "/admin"));
        await new AdminPage(page).LoginAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "DIAGNÓSTICO" }).ClickAsync();

        var table = page.GetByTestId("diag-commands");
        var failed = table.Locator($"tr[data-tag='{S2}']");
        await Assertions.Expect(failed).ToHaveAttributeAsync("data-outcome", "SPOOL_OCUPADO");
        await Assertions.Expect(failed.GetByTestId("diag-step")).ToHaveTextAsync(CommandSteps.Precondicion(ErrorCode.SPOOL_OCUPADO));
        await Assertions.Expect(failed).ToContainTextAsync("INICIAR");
        await Assertions.Expect(failed).ToContainTextAsync("94");
        await Assertions.Expect(table.Locator($"tr[data-tag='{S1}']")).ToHaveAttributeAsync("data-outcome", "INICIADO");
        await Assertions.Expect(page.GetByTestId("diag-redis")).ToHaveTextAsync("modo local (sin Redis)");

        await page.GetByTestId("diag-code").SelectOptionAsync("SPOOL_OCUPADO");
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);
        await page.GetByTestId("diag-code").SelectOptionAsync("");
        await page.GetByTestId("diag-tag").FillAsync("25001-001");
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(table.Locator($"tr[data-tag='{S1}']")).ToBeVisibleAsync();

        // A command made while the tab is open shows up without reloading.
        await page.GetByTestId("diag-tag").FillAsync("");
        Assert.Equal(HttpStatusCode.Conflict, await StartAsync(S5));
        await Assertions.Expect(table.Locator($"tr[data-tag='{S5}']")).ToHaveAttributeAsync("data-outcome", "SPOOL_OCUPADO");
    }
}
