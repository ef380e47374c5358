using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Zeues.Core.Coordination;
using Zeues.Core.Domain;
using Zeues.Core.Workbook.GoogleSheets;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

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

    [Fact]
    public async Task A_reserved_write_that_is_never_sent_is_handed_back()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var limiter = new WriteRateLimiter(Options.Create(new GoogleSheetsOptions { WritesPerMinute = 1 }), time);

        var unused = await limiter.ReserveAsync(CancellationToken.None);
        Assert.Equal(1, limiter.Used);
        unused.Dispose();
        Assert.Equal(0, limiter.Used);

        var used = await limiter.ReserveAsync(CancellationToken.None);
        Assert.True(used.TryUse());
        used.Dispose();
        Assert.Equal(1, limiter.Used);
    }

    [Fact]
    public async Task A_command_waiting_for_the_write_budget_does_not_hold_the_spool_lease()
    {
        await using var plant = await TestPlant.CreateAsync(provider: "GoogleSheets", settings: new Dictionary<string, string?>
        {
            ["Zeues:GoogleSheets:WritesPerMinute"] = "1",
        });
        var locks = plant.Services.GetRequiredService<ISpoolLocks>();
        var limiter = plant.Services.GetRequiredService<WriteRateLimiter>();
        Expect.Ok(await plant.RunAsync(CommandType.NOTA, S1, NR, texto: "primera"));

        var waiting = plant.RunAsync(CommandType.NOTA, S1, NR, texto: "segunda");
        await Task.Yield();

        // The budget is spent for this minute: the second command waits with the spool's lease free.
        Assert.False(waiting.IsCompleted);
        var probe = await locks.AcquireAsync(S1, TimeSpan.FromSeconds(30), TimeSpan.Zero);
        Assert.NotNull(probe);
        Assert.True(await locks.ReleaseAsync(probe));
        Assert.Equal(1, limiter.Used);

        plant.Time.Advance(TimeSpan.FromSeconds(61));
        Expect.Ok(await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
