using Zeues.Tests.E2E.Pages;
using Zeues.Tests.Support;

namespace Zeues.Tests.E2E;

public sealed class ScreenshotTests(Chromium chromium) : IClassFixture<Chromium>
{
    /// <summary>Takes the README's pictures of the real pages; written to docs/ when ZEUES_UPDATE_DOCS=1.</summary>
    [Fact]
    public async Task Screenshots_of_identify_and_trabajo_show_the_demo_plant()
    {
        await using var app = new AppServer();
        var page = await chromium.OpenAsync(app.BaseAddress, 1280, 800);
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

    private static string Docs(string file)
    {
        if (Environment.GetEnvironmentVariable("ZEUES_UPDATE_DOCS") != "1") return Path.Combine(Path.GetTempPath(), $"zeues-{file}");
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Zeues.sln"))) dir = Path.GetDirectoryName(dir);
        var docs = Path.Combine(dir ?? Path.GetTempPath(), "docs");
        Directory.CreateDirectory(docs);
        return Path.Combine(docs, file);
    }
}
