using Zeues.Tests.Support;

namespace Zeues.Tests.E2E;

/// <summary>
/// Browser tests share one Chromium and run one class at a time, together with the heavy load and
/// Redis-restart tests: on a 2-core machine those starve a browser's circuit and make its waits flaky.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}
