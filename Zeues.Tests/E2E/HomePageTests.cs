using Zeues.Tests.Support;

namespace Zeues.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class HomePageTests(Chromium chromium) : Zeues.Tests.E2E.BrowserTest(chromium)
{
    [Fact]
    public async Task The_home_page_becomes_interactive_and_lists_the_active_demo_workers()
    {
        await using var app = new AppServer();
        var page = await Chromium.OpenAsync(app.BaseAddress);

        await page.GetByText("MR(93)").First.WaitForAsync();
        Assert.Equal(5, await page.Locator("[data-worker]").CountAsync());
        Assert.Equal(0, await page.GetByText("Lucía").CountAsync());
    }
}
