using Microsoft.Extensions.DependencyInjection;
using Zeues.Core.Coordination;
using Zeues.Tests.Support;

namespace Zeues.Tests.Coordination;

public sealed class RedisLockTests
{
    private static async Task<Node> NodeAsync(string prefix) => await Node.StartAsync(await NewWorkbookAsync(), RedisServer.Shared, prefix);

    internal static async Task<string> NewWorkbookAsync()
    {
        var path = TestPlant.NewPath();
        await Zeues.Core.Setup.SqliteWorkbookInitializer.InitializeAsync(new Zeues.Core.Workbook.Sqlite.SqliteWorkbook(path), Zeues.Core.Setup.FixturePlant.Build);
        return path;
    }

    [Fact]
    public async Task A_held_lease_excludes_others_until_its_own_token_releases_it()
    {
        await using var node = await NodeAsync(RedisServer.Prefix(nameof(A_held_lease_excludes_others_until_its_own_token_releases_it)));
        var locks = node.Services.GetRequiredService<ISpoolLocks>();

        var lease = await locks.AcquireAsync("TAG-1", TimeSpan.FromSeconds(30), TimeSpan.Zero);
        Assert.NotNull(lease);
        Assert.DoesNotContain("local:", lease.Key);
        Assert.Null(await locks.AcquireAsync("tag-1", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200)));

        Assert.False(await locks.ReleaseAsync(lease with { Token = "ajeno" }));
        Assert.Null(await locks.AcquireAsync("TAG-1", TimeSpan.FromSeconds(30), TimeSpan.Zero));

        Assert.True(await locks.ReleaseAsync(lease));
        Assert.NotNull(await locks.AcquireAsync("TAG-1", TimeSpan.FromSeconds(30), TimeSpan.Zero));
    }

    [Fact]
    public async Task A_stale_token_cannot_release_a_lease_taken_after_expiry()
    {
        await using var node = await NodeAsync(RedisServer.Prefix(nameof(A_stale_token_cannot_release_a_lease_taken_after_expiry)));
        var locks = node.Services.GetRequiredService<ISpoolLocks>();

        var first = await locks.AcquireAsync("TAG-2", TimeSpan.FromMilliseconds(300), TimeSpan.Zero);
        var second = await locks.AcquireAsync("TAG-2", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10));

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.False(await locks.ReleaseAsync(first));
        Assert.Null(await locks.AcquireAsync("TAG-2", TimeSpan.FromSeconds(30), TimeSpan.Zero));
    }
}
