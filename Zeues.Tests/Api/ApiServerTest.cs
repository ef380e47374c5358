using Zeues.Tests.Support;

namespace Zeues.Tests.Api;

/// <summary>One real Kestrel server per test and an HTTP client that carries the API key.</summary>
public abstract class ApiServerTest : IAsyncLifetime
{
    protected AppServer _app = null!;
    protected HttpClient _http = null!;

    /// <summary>The server under test; the demo plant on the real clock unless a test class needs the fixture's.</summary>
    protected virtual AppServer CreateServer() => new();

    public Task InitializeAsync()
    {
        _app = CreateServer();
        _http = _app.Http();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }
}
