using Microsoft.Playwright;

namespace Zeues.Tests.E2E.Pages;

/// <summary>"/admin" — the supervisor login form and the session behind it.</summary>
public sealed class AdminPage(IPage page)
{
    public const string Password = Support.AppServer.SupervisorPassword;

    public ILocator LoginError => page.GetByTestId("login-error");

    public Task SubmitAsync(string nombre, string clave) => FillAndSubmitAsync(nombre, clave);

    /// <summary>Logs in and waits until the interactive admin page shows the supervisor.</summary>
    public async Task LoginAsync(string nombre = "Ana Supervisora")
    {
        await FillAndSubmitAsync(nombre, Password);
        await Assertions.Expect(page.GetByTestId("supervisor-name")).ToHaveTextAsync(nombre);
        await page.Locator("[data-interactive='true']").WaitForAsync();
    }

    private async Task FillAndSubmitAsync(string nombre, string clave)
    {
        await page.Locator("#nombre").FillAsync(nombre);
        await page.Locator("#clave").FillAsync(clave);
        await page.GetByRole(AriaRole.Button, new() { Name = "INGRESAR" }).ClickAsync();
    }
}
