using Microsoft.Playwright;

namespace Zeues.Tests.Support;

/// <summary>Debian's Chromium driven by Playwright (never a downloaded browser).</summary>
public sealed class Chromium : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private readonly System.Collections.Concurrent.ConcurrentBag<IBrowserContext> _contexts = [];

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("ZEUES_TEST_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A browser context that <see cref="CloseAllAsync"/> closes at the end of the test.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await Browser.NewContextAsync(options);
        _contexts.Add(context);
        return context;
    }

    /// <summary>
    /// Closes every page a test opened. Left open, pages of stopped servers keep retrying their
    /// circuits in the background and starve the next test's browser on a 2-core machine.
    /// </summary>
    public async Task CloseAllAsync()
    {
        while (_contexts.TryTake(out var context)) await context.CloseAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>Opens a page and waits until the Blazor circuit is interactive.</summary>
    public async Task<IPage> OpenAsync(Uri url, int width = 1280, int height = 800)
    {
        var context = await NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "es-CL" });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url.ToString());
        await page.Locator("[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        return page;
    }
}
