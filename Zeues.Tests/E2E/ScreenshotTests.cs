using Zeues.Tests.E2E.Pages;
using Zeues.Tests.Support;

namespace Zeues.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(Chromium chromium) : Zeues.Tests.E2E.BrowserTest(chromium)
{
    /// <summary>Takes the README's pictures of the real pages; written to docs/ when ZEUES_UPDATE_DOCS=1.</summary>
    [Fact]
    public async Task Screenshots_of_identify_and_trabajo_show_the_demo_plant()
    {
        await using var app = new AppServer();
        var page = await Chromium.OpenAsync(app.BaseAddress, 1280, 800);
        var identify = new IdentifyPage(page);
        await identify.Tiles.First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Docs("identify.png"), FullPage = false });

        await identify.ChooseAsync(93);
        var trabajo = new TrabajoPage(page);
        await trabajo.WaitAsync();
        await trabajo.MineCard("MK-1401-CW-25001-002").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Docs("trabajo.png"), FullPage = false });
        Assert.True(File.Exists(Docs("trabajo.png")));
    }

    private static string Docs(string file) => DocsPath.For(file);
}
