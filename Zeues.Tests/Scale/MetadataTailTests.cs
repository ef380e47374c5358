using Microsoft.Extensions.DependencyInjection;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Scale;

/// <summary>
/// DOMAIN 1.6 and 6.4: Metadata is read in full at start-up and when its tail no longer lines up;
/// otherwise the refresh and the commands read only the rows after the last one the node knows, and
/// a replay is answered from the node's index of command ids.
/// </summary>
public sealed class MetadataTailTests
{
    public static TheoryData<string> Providers => ["Sqlite", "GoogleSheets"];

    [Theory, MemberData(nameof(Providers))]
    public async Task The_timed_refresh_reads_only_the_new_metadata_rows(string provider)
    {
        await using var plant = await TestPlant.CreateAsync(provider: provider);
        var sync = plant.Services.GetRequiredService<SnapshotSync>();
        await plant.Cache.GetAsync();
        var full = plant.Cache.FullMetadataReads;
        var other = TestPlant.BuildServices(plant.Path, plant.Time, settings: TestPlantSettings(plant));
        await using var _ = other;
        var command = Guid.NewGuid();
        // Another node's command: this node learns of its Metadata rows only from the refresh.
        Expect.Ok(await other.GetRequiredService<SpoolCommands>().ExecuteAsync(
            new CommandRequest(command, CommandType.INICIAR, S1, Actor.ForWorker(NR), Operacion.ARM)));
        var rangesBefore = plant.FakeSheets?.BatchGetRanges.Count ?? 0;

        await sync.RefreshAsync("refresco");
        var refreshRanges = plant.FakeSheets?.BatchGetRanges.Skip(rangesBefore).ToList() ?? [];

        Assert.Equal(full, plant.Cache.FullMetadataReads);
        var snapshot = await plant.Cache.GetAsync();
        Assert.True(snapshot.Audit.Contains(command.ToString("D")));
        Assert.Equal(await plant.MetadataCountAsync(), snapshot.Metadata.Count);
        Assert.DoesNotContain("'Metadata'", refreshRanges);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_metadata_tail_that_does_not_line_up_makes_the_refresh_read_metadata_in_full(string provider)
    {
        await using var plant = await TestPlant.CreateAsync(provider: provider);
        var sync = plant.Services.GetRequiredService<SnapshotSync>();
        await plant.Cache.GetAsync();
        var full = plant.Cache.FullMetadataReads;
        await plant.OfficeDeleteRowAsync(Sheets.Metadata, 2);

        await sync.RefreshAsync("refresco");

        Assert.Equal(full + 1, plant.Cache.FullMetadataReads);
        var stored = await plant.SheetAsync(Sheets.Metadata);
        Assert.Equal(stored.Rows.Select(r => r.RowNumber), (await plant.Cache.GetAsync()).Metadata.Select(e => e.RowNumber));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_command_whose_metadata_tail_does_not_line_up_reads_metadata_in_full_and_still_refuses_a_repeated_id(string provider)
    {
        await using var plant = await TestPlant.CreateAsync(provider: provider);
        var first = Guid.NewGuid();
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM, commandId: first));
        var full = plant.Cache.FullMetadataReads;
        await plant.OfficeDeleteRowAsync(Sheets.Metadata, 2);

        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S3, MR, Operacion.ARM));

        Assert.Equal(full + 1, plant.Cache.FullMetadataReads);
        Assert.True((await plant.Cache.GetAsync()).Audit.Contains(first.ToString("D")));
        Expect.Error(await plant.RunAsync(CommandType.CANCELAR, S3, MR, Operacion.ARM, commandId: first), ErrorCode.DATOS_INVALIDOS);
    }

    [Fact]
    public async Task A_replayed_id_is_answered_from_the_index_without_reading_the_spreadsheet()
    {
        await using var plant = await TestPlant.CreateAsync(provider: "GoogleSheets");
        var fake = plant.FakeSheets!;
        var id = Guid.NewGuid();
        var first = Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM, commandId: id));
        var reads = Volatile.Read(ref fake.BatchGets) + Volatile.Read(ref fake.Gets);
        var writes = Volatile.Read(ref fake.BatchUpdates);

        var again = Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM, commandId: id));

        Assert.True(again.Replay);
        Assert.Equal(first.Mensaje, again.Mensaje);
        Assert.Equal(reads, Volatile.Read(ref fake.BatchGets) + Volatile.Read(ref fake.Gets));
        Assert.Equal(writes, Volatile.Read(ref fake.BatchUpdates));
    }

    private static IDictionary<string, string?>? TestPlantSettings(TestPlant plant) =>
        plant.FakeSheets is { } fake ? new Dictionary<string, string?>(TestPlant.GoogleSettings(fake)) : null;
}
