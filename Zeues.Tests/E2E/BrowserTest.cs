using Zeues.Tests.Support;

namespace Zeues.Tests.E2E;

/// <summary>Base of the browser tests: the collection's Chromium, with every page closed after each test.</summary>
public abstract class BrowserTest(Chromium chromium) : IAsyncLifetime
{
    protected Chromium Chromium => chromium;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => chromium.CloseAllAsync();
}
