using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Zeues.Core.Workbook.GoogleSheets;

namespace Zeues.Tests.GoogleSheets;

public sealed class WriteRateLimiterTests
{
    [Fact]
    public async Task Writes_beyond_the_per_minute_budget_wait_for_the_window_to_move()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var limiter = new WriteRateLimiter(Options.Create(new GoogleSheetsOptions { WritesPerMinute = 2 }), time);

        await limiter.WaitAsync(CancellationToken.None);
        await limiter.WaitAsync(CancellationToken.None);
        var third = limiter.WaitAsync(CancellationToken.None);
        await Task.Yield();
        Assert.False(third.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(61));
        await third.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
