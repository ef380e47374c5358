using Zeues.Tests.Support;

namespace Zeues.Tests.E2E;

/// <summary>
/// Browser tests share one Chromium and run one class at a time: two Kestrel servers and two browsers
/// at once on a 2-core machine only make waits flaky.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}
