using Microsoft.Playwright;

namespace Zeues.Tests.E2E.Pages;

/// <summary>
/// UX 5: "Conexión restablecida" shows for 3 s only. A watcher put in the page before the connection
/// drops records that it appeared, so a busy machine whose assertion polls late still sees it; a page
/// that reloaded instead of reconnecting loses the watcher and fails the wait, as it should.
/// </summary>
internal static class ReconnectedNotice
{
    public static Task WatchAsync(IPage page) => page.EvaluateAsync("""
        () => {
            window.__zeuesReconnected = false;
            new MutationObserver(() => {
                if (document.querySelector('[data-testid=reconnected]')) window.__zeuesReconnected = true;
            }).observe(document.body, { childList: true, subtree: true });
        }
        """);

    public static Task SeenAsync(IPage page, float timeoutMs = 30_000) =>
        page.WaitForFunctionAsync("() => window.__zeuesReconnected === true", null, new() { Timeout = timeoutMs });
}
