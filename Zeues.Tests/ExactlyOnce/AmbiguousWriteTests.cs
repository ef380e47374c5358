using Microsoft.Extensions.DependencyInjection;
using Zeues.Core.Domain;
using Zeues.Core.Workbook;
using Zeues.Core.Workbook.GoogleSheets;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.ExactlyOnce;

/// <summary>
/// DOMAIN 6.4 on Google Sheets: a batch the fake holds past the client's timeout, applies, and then
/// answers with an error or not at all is recorded once, and resending its id returns the first outcome.
/// </summary>
public sealed class AmbiguousWriteTests
{
    private static Task<TestPlant> PlantAsync(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Zeues:GoogleSheets:RequestTimeoutSeconds"] = "1",
            ["Zeues:GoogleSheets:TotalTimeoutSeconds"] = "5",
        };
        foreach (var (k, v) in extra ?? []) settings[k] = v;
        return TestPlant.CreateAsync(provider: "GoogleSheets", settings: settings);
    }

    private static async Task<IReadOnlyList<AuditRow>> StartsOfAsync(TestPlant plant, Guid id) =>
        (await plant.AuditRowsAsync(id)).Where(r => Equals(r.EventoTipo, "INICIAR_SPOOL")).ToList();

    [Fact]
    public async Task A_write_held_past_the_timeout_then_applied_without_an_answer_is_recorded_once()
    {
        await using var plant = await PlantAsync();
        var fake = plant.FakeSheets!;
        await plant.Cache.GetAsync();
        var id = Guid.NewGuid();
        fake.HoldThenApply(TimeSpan.FromSeconds(2.5), status: null);

        var first = Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM, commandId: id));

        // The held copy lands after the command's own resend: Google refuses it whole, on the command's marker.
        await Eventually.TrueAsync(() => fake.LateApplied + fake.LateRefused == 1, TimeSpan.FromSeconds(20), "the held batch is processed");
        Assert.Equal(1, fake.LateRefused);
        Assert.Single(await StartsOfAsync(plant, id));
        Assert.Single(await plant.AuditRowsAsync(id));
        Assert.Equal("NR(94)", await plant.CellAsync(S1, Col.OcupadoPor));

        var again = Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM, commandId: id));
        Assert.True(again.Replay);
        Assert.Equal(first.Resultado, again.Resultado);
        Assert.Equal(first.Mensaje, again.Mensaje);
        Assert.Single(await plant.AuditRowsAsync(id));
        Assert.Empty(fake.Violations);
    }

    [Fact]
    public async Task A_write_applied_and_then_answered_503_is_found_by_its_id_and_recorded_once()
    {
        await using var plant = await PlantAsync();
        var fake = plant.FakeSheets!;
        await plant.Cache.GetAsync();
        var id = Guid.NewGuid();
        fake.HoldThenApply(TimeSpan.FromMilliseconds(300), status: 503);
        var writes = fake.BatchUpdates;

        var first = Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, ["002+2"], commandId: id));

        Assert.Equal(1, fake.LateApplied);
        // The lookup found the id: nothing was sent again.
        Assert.Equal(1, fake.BatchUpdates - writes);
        Assert.Single(await plant.AuditRowsAsync(id), r => Equals(r.EventoTipo, "PAUSAR_SPOOL"));

        var again = Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, ["002+2"], commandId: id));
        Assert.True(again.Replay);
        Assert.Equal(first.Resultado, again.Resultado);
        Assert.Equal(first.Mensaje, again.Mensaje);
        Assert.Equal(first.UnionesProcesadas, again.UnionesProcesadas);
        Assert.Equal(1, fake.BatchUpdates - writes);
    }

    [Fact]
    public async Task A_failed_id_lookup_counts_as_one_failed_attempt_and_the_retries_go_on()
    {
        await using var plant = await PlantAsync(new() { ["Zeues:GoogleSheets:MaxRetries"] = "0" });
        var fake = plant.FakeSheets!;
        await plant.Cache.GetAsync();
        var id = Guid.NewGuid();
        fake.HoldThenApply(TimeSpan.FromSeconds(1), status: 503);

        var run = plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM, commandId: id);
        // While the write is held, the next read (the id lookup) is made to fail.
        await Eventually.TrueAsync(() => fake.BatchUpdates == 1, because: "the write reached the server");
        fake.Fail(503, count: 1, method: "batchGet");
        var outcome = Expect.Ok(await run);

        Assert.False(outcome.Replay);
        Assert.Equal(1, fake.FaultsServed);
        Assert.Equal(1, fake.BatchUpdates);
        Assert.Single(await plant.AuditRowsAsync(id));
    }

    [Fact]
    public async Task A_second_copy_of_a_commands_batch_is_refused_whole_and_reported_as_already_applied()
    {
        await using var plant = await PlantAsync();
        var fake = plant.FakeSheets!;
        var store = plant.Store;
        var headers = (await store.ReadAsync(Sheets.All)).ToDictionary(s => s.Key, s => s.Value.Header);
        var id = Guid.NewGuid();
        var batch = new WorkbookBatch(
            [new CellUpdate(Sheets.Operaciones, 2, Col.Notas, "copia única")],
            [new RowAppend(Sheets.Metadata, new Dictionary<string, object?> { [Col.Id] = id.ToString("D"), [Col.EventoTipo] = "NOTA_AGREGADA", [Col.TagSpool] = S1 })],
            headers) { Guard = new WriteGuard(id) };
        var before = fake.Rows(Sheets.Metadata).Count;

        await store.ApplyAsync(batch);
        await Assert.ThrowsAsync<WorkbookAlreadyAppliedException>(() => store.ApplyAsync(batch));

        Assert.Equal(before + 1, fake.Rows(Sheets.Metadata).Count);
        Assert.Contains(CommandMarkers.Name(id), fake.NamedRangeNames());
        Assert.Empty(fake.Violations);
    }

    [Fact]
    public async Task Command_markers_are_deleted_once_their_retention_has_passed()
    {
        await using var plant = await PlantAsync();
        var fake = plant.FakeSheets!;
        var markers = plant.Services.GetRequiredService<CommandMarkers>();
        var id = Guid.NewGuid();
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM, commandId: id));
        Assert.Equal([CommandMarkers.Name(id)], fake.NamedRangeNames());

        Assert.Equal(0, await markers.CleanUpAsync(CancellationToken.None));
        Assert.Single(fake.NamedRangeNames());

        plant.Time.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(1, await markers.CleanUpAsync(CancellationToken.None));
        Assert.Empty(fake.NamedRangeNames());
        Assert.Empty(fake.Violations);
    }
}
