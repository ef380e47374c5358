using Zeues.Tests.Support;

namespace Zeues.Tests.Benchmarks;

/// <summary>
/// Every benchmark runs in this one collection, one at a time, sharing one Chromium: measurements taken
/// side by side on a 2-core machine would mostly measure each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BenchmarkCollection : ICollectionFixture<Chromium>
{
    public const string Name = "Benchmark";
}
