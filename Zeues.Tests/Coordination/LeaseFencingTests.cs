using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using Zeues.Core.Coordination;
using Zeues.Core.Domain;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Fakes;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Coordination;

/// <summary>DOMAIN 1.6: the lease is renewed by its own token only, and a lease that no longer covers the write stops it before it is sent.</summary>
public sealed class LeaseFencingTests
{
    private static async Task<Node> RedisNodeAsync(string test) =>
        await Node.StartAsync(await RedisLockTests.NewWorkbookAsync(), RedisServer.Shared, RedisServer.Prefix(test));

    [Fact]
    public async Task Only_the_leases_own_token_can_renew_it_on_redis()
    {
        await using var node = await RedisNodeAsync(nameof(Only_the_leases_own_token_can_renew_it_on_redis));
        var locks = node.Services.GetRequiredService<ISpoolLocks>();
        // A TTL long enough that a loaded CI machine never lets it lapse between the steps below.
        var lease = await locks.AcquireAsync("TAG-R", TimeSpan.FromSeconds(20), TimeSpan.Zero);
        Assert.NotNull(lease);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.Shared);
        var db = redis.GetDatabase();

        Assert.Equal(LeaseRenewal.Lost, await locks.RenewAsync(lease with { Token = "ajeno" }, TimeSpan.FromSeconds(120)));
        Assert.True((await db.KeyTimeToLiveAsync(lease.Key))!.Value <= TimeSpan.FromSeconds(20));

        Assert.Equal(LeaseRenewal.Renewed, await locks.RenewAsync(lease, TimeSpan.FromSeconds(120)));
        Assert.True((await db.KeyTimeToLiveAsync(lease.Key))!.Value > TimeSpan.FromSeconds(60));

        Assert.True(await locks.ReleaseAsync(lease));
        Assert.Equal(LeaseRenewal.Lost, await locks.RenewAsync(lease, TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task A_held_lease_outlives_its_ttl_while_renewed_and_frees_the_spool_when_disposed()
    {
        await using var node = await RedisNodeAsync(nameof(A_held_lease_outlives_its_ttl_while_renewed_and_frees_the_spool_when_disposed));
        var locks = node.Services.GetRequiredService<ISpoolLocks>();
        // Renewed every third of its TTL: a slack of two renewals (2 s), so a loaded CI machine still renews in time.
        var ttl = TimeSpan.FromSeconds(3);
        var requested = Stopwatch.GetTimestamp();
        var held = new HeldLease(locks, (await locks.AcquireAsync("TAG-H", ttl, TimeSpan.Zero))!, ttl, TimeSpan.FromMilliseconds(50), requested);

        // Another holder tries for two TTLs and never gets it: the lease is being renewed.
        Assert.Null(await locks.AcquireAsync("TAG-H", ttl, ttl * 2));
        await held.CheckAsync(CancellationToken.None);

        await held.DisposeAsync();
        Assert.NotNull(await locks.AcquireAsync("TAG-H", TimeSpan.FromSeconds(30), TimeSpan.Zero));
    }

    [Fact]
    public async Task A_lease_taken_by_someone_else_fences_the_write_on_redis()
    {
        await using var node = await RedisNodeAsync(nameof(A_lease_taken_by_someone_else_fences_the_write_on_redis));
        var locks = node.Services.GetRequiredService<ISpoolLocks>();
        var ttl = TimeSpan.FromSeconds(30);
        await using var held = new HeldLease(locks, (await locks.AcquireAsync("TAG-F", ttl, TimeSpan.Zero))!, ttl, TimeSpan.FromSeconds(1), Stopwatch.GetTimestamp());
        await held.CheckAsync(CancellationToken.None);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.Shared);

        // The key expired (e.g. a Redis failover lost the renewal) and another command took it.
        await redis.GetDatabase().StringSetAsync(held.Lease.Key, "otro-comando", TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<WriteFencedException>(() => held.CheckAsync(CancellationToken.None).AsTask());
        Assert.Equal("otro-comando", (string?)await redis.GetDatabase().StringGetAsync(held.Lease.Key));
    }

    [Fact]
    public async Task An_in_process_lease_is_renewed_by_its_token_and_an_expired_one_fences_the_write()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var locks = new InProcessSpoolLocks(time);
        var ttl = TimeSpan.FromSeconds(30);
        var lease = (await locks.AcquireAsync("TAG-L", ttl, TimeSpan.Zero))!;

        Assert.Equal(LeaseRenewal.Lost, await locks.RenewAsync(lease with { Token = "ajeno" }, ttl));
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(LeaseRenewal.Renewed, await locks.RenewAsync(lease, ttl));
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.Null(await locks.AcquireAsync("TAG-L", ttl, TimeSpan.Zero));

        var held = new HeldLease(locks, lease, ttl, TimeSpan.FromSeconds(1), Stopwatch.GetTimestamp());
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.NotNull(await locks.AcquireAsync("TAG-L", ttl, TimeSpan.Zero));
        await Assert.ThrowsAsync<WriteFencedException>(() => held.CheckAsync(CancellationToken.None).AsTask());
        await held.DisposeAsync();
    }

    [Fact]
    public async Task A_lease_with_less_time_left_than_the_write_margin_sends_nothing()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var locks = new InProcessSpoolLocks(time);
        var ttl = TimeSpan.FromSeconds(1);
        var lease = (await locks.AcquireAsync("TAG-M", ttl, TimeSpan.Zero))!;
        await using var held = new HeldLease(locks, lease, ttl, margin: TimeSpan.FromSeconds(2), Stopwatch.GetTimestamp());

        var fenced = await Assert.ThrowsAsync<WriteFencedException>(() => held.CheckAsync(CancellationToken.None).AsTask());
        Assert.Contains("margen", fenced.Message);
    }

    [Fact]
    public async Task A_command_whose_in_process_lease_was_taken_during_its_read_writes_nothing_and_answers_conflicto()
    {
        await using var plant = await TestPlant.CreateAsync(provider: "GoogleSheets");
        var fake = plant.FakeSheets!;
        await plant.Cache.GetAsync();
        var image = await plant.CaptureAsync();
        var locks = plant.Services.GetRequiredService<ISpoolLocks>();
        var (reads, writes) = (fake.BatchGets, fake.BatchUpdates);
        fake.Latency = TimeSpan.FromSeconds(1);

        var run = plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM);
        await Eventually.TrueAsync(() => fake.BatchGets > reads, because: "the command's fresh read is in flight");
        // Plant time runs past the lease's TTL and another command takes the spool.
        plant.Time.Advance(TimeSpan.FromSeconds(31));
        var other = await locks.AcquireAsync(S1, TimeSpan.FromSeconds(30), TimeSpan.Zero);
        Assert.NotNull(other);

        Expect.Error(await run, ErrorCode.CONFLICTO_CONCURRENTE);
        fake.Latency = TimeSpan.Zero;
        Assert.Equal(writes, fake.BatchUpdates);
        Assert.Empty(await plant.ChangesSinceAsync(image));
        Assert.True(await locks.ReleaseAsync(other));
    }

    [Fact]
    public async Task A_command_whose_redis_lease_was_taken_during_its_read_writes_nothing_and_answers_conflicto()
    {
        var prefix = RedisServer.Prefix(nameof(A_command_whose_redis_lease_was_taken_during_its_read_writes_nothing_and_answers_conflicto));
        await using var fake = await FakeSheetsServer.StartAsync();
        await using var node = await Node.StartAsync(TestPlant.NewPath(), RedisServer.Shared, prefix, settings: new Dictionary<string, string?>(TestPlant.GoogleSettings(fake)));
        await node.Cache.GetAsync();
        Assert.False(node.Status.Degraded);
        var (reads, writes, audit) = (fake.BatchGets, fake.BatchUpdates, fake.Rows(Sheets.Metadata).Count);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.Shared);
        fake.Latency = TimeSpan.FromSeconds(1);

        var run = node.Commands.ExecuteAsync(new CommandRequest(Guid.NewGuid(), CommandType.INICIAR, S1, Actor.ForWorker(NR), Operacion.ARM));
        await Eventually.TrueAsync(() => fake.BatchGets > reads, because: "the command's fresh read is in flight");
        await redis.GetDatabase().StringSetAsync($"{prefix}:lock:spool:{S1}", "otro-nodo", TimeSpan.FromSeconds(30));

        Expect.Error(await run, ErrorCode.CONFLICTO_CONCURRENTE);
        fake.Latency = TimeSpan.Zero;
        Assert.Equal(writes, fake.BatchUpdates);
        Assert.Equal(audit, fake.Rows(Sheets.Metadata).Count);
        // The foreign holder's key is untouched: a fenced command never deletes someone else's lease.
        Assert.Equal("otro-nodo", (string?)await redis.GetDatabase().StringGetAsync($"{prefix}:lock:spool:{S1}"));
    }

    [Fact]
    public async Task Two_nodes_starting_one_spool_with_a_lease_shorter_than_their_spreadsheet_calls_record_one_start()
    {
        await using var fake = await FakeSheetsServer.StartAsync();
        var prefix = RedisServer.Prefix(nameof(Two_nodes_starting_one_spool_with_a_lease_shorter_than_their_spreadsheet_calls_record_one_start));
        var settings = new Dictionary<string, string?>(TestPlant.GoogleSettings(fake))
        {
            ["Zeues:Locks:TtlSeconds"] = "1",
            ["Zeues:Locks:WriteMarginSeconds"] = "0.3",
            ["Zeues:GoogleSheets:RequestTimeoutSeconds"] = "5",
        };
        var path = TestPlant.NewPath();
        await using var a = await Node.StartAsync(path, RedisServer.Shared, prefix, settings: settings);
        await using var b = await Node.StartAsync(path, RedisServer.Shared, prefix, settings: settings);
        await a.Cache.GetAsync();
        await b.Cache.GetAsync();
        fake.Latency = TimeSpan.FromSeconds(1.5);

        var first = a.Commands.ExecuteAsync(new CommandRequest(Guid.NewGuid(), CommandType.INICIAR, S1, Actor.ForWorker(NR), Operacion.ARM));
        await Task.Delay(TimeSpan.FromMilliseconds(1200));
        var second = b.Commands.ExecuteAsync(new CommandRequest(Guid.NewGuid(), CommandType.INICIAR, S1, Actor.ForWorker(MR), Operacion.ARM));
        var results = await Task.WhenAll(first, second);
        fake.Latency = TimeSpan.Zero;

        var winner = Assert.Single(results, r => r.Succeeded);
        Assert.Equal(Resultado.INICIADO, winner.Outcome!.Resultado);
        var loser = Assert.Single(results, r => !r.Succeeded);
        Assert.Contains(loser.Error!.Code, new[] { ErrorCode.CONFLICTO_CONCURRENTE, ErrorCode.SPOOL_OCUPADO });
        string? Cell(IReadOnlyList<object?> row, HeaderMap header, string column) => CellReader.Text(row.ElementAtOrDefault(header.IndexOf(column)));
        var metadata = fake.Rows(Sheets.Metadata);
        var audit = new HeaderMap(metadata[0].Select(CellReader.Text).ToList());
        Assert.Single(metadata.Skip(1), r => Cell(r, audit, Col.EventoTipo) == "INICIAR_SPOOL" && Cell(r, audit, Col.TagSpool) == S1);
        var operaciones = fake.Rows(Sheets.Operaciones);
        var spools = new HeaderMap(operaciones[0].Select(CellReader.Text).ToList());
        var spool = operaciones.Skip(1).Single(r => Cell(r, spools, Col.TagSpool) == S1);
        Assert.Equal(winner.Outcome.Spool.Occupant, Cell(spool, spools, Col.OcupadoPor));
    }
}
