using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.GoogleSheets;

/// <summary>The GoogleSheets workbook on the fake Sheets v4 server: call budget, faults, drift, snapshot.</summary>
public sealed class GoogleSheetsWorkbookTests
{
    private static Task<TestPlant> PlantAsync(IDictionary<string, string?>? settings = null) =>
        TestPlant.CreateAsync(provider: "GoogleSheets", settings: settings);

    [Fact]
    public async Task Each_command_costs_at_most_one_read_and_exactly_one_batch_update()
    {
        await using var plant = await PlantAsync();
        var fake = plant.FakeSheets!;
        await plant.Cache.GetAsync();

        foreach (var run in new Func<Task<CommandResult>>[]
        {
            () => plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM),
            () => plant.RunAsync(CommandType.FINALIZAR, S1, NR, Operacion.ARM, ["001+1"]),
            () => plant.RunAsync(CommandType.METROLOGIA, S6, JM, resultado: ResultadoMetrologia.APROBADO),
            () => plant.RunAsync(CommandType.NOTA, S3, NR, texto: "revisar bisel"),
        })
        {
            var (reads, writes) = (fake.BatchGets, fake.BatchUpdates);
            Expect.Ok(await run());
            Assert.InRange(fake.BatchGets - reads, 0, 1);
            Assert.Equal(1, fake.BatchUpdates - writes);
        }
        Assert.Empty(fake.Violations);
    }

    [Fact]
    public async Task A_burst_of_429_is_absorbed_by_backoff_and_the_command_lands_once()
    {
        await using var plant = await PlantAsync();
        var id = Guid.NewGuid();
        plant.FakeSheets!.Fail(429, count: 3, method: "batchUpdate");

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM, commandId: id));

        Assert.Equal(Resultado.INICIADO, outcome.Resultado);
        Assert.Single(await plant.AuditRowsAsync(id));
        Assert.Equal(3, plant.Services.GetRequiredService<Zeues.Core.Workbook.GoogleSheets.SheetsClient>().Retries);
    }

    [Fact]
    public async Task Transient_read_failures_are_retried()
    {
        await using var plant = await PlantAsync();
        plant.FakeSheets!.Fail(503, count: 2, method: "batchGet");
        plant.FakeSheets.Fail(500, count: 1, method: "batchGet");

        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM));
    }

    [Fact]
    public async Task A_hanging_spreadsheet_ends_in_almacen_no_disponible_with_nothing_applied()
    {
        await using var plant = await PlantAsync(new Dictionary<string, string?>
        {
            ["Zeues:GoogleSheets:RequestTimeoutSeconds"] = "1",
            ["Zeues:GoogleSheets:TotalTimeoutSeconds"] = "3",
        });
        var image = await plant.CaptureAsync();
        plant.FakeSheets!.HangOn = "batchUpdate";

        var error = Expect.Error(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM), ErrorCode.ALMACEN_NO_DISPONIBLE);

        Assert.Equal("No se pudo conectar con la planilla. Intenta de nuevo en unos segundos: el reintento no duplica el registro.", error.Message);
        // Checked while writes still hang: a hung request the client gave up on must not be released into the sheet by the test itself.
        Assert.Empty(await plant.ChangesSinceAsync(image));
        plant.FakeSheets.HangOn = null;
    }

    [Fact]
    public async Task Permission_errors_are_not_retried_and_surface_as_almacen_no_disponible()
    {
        await using var plant = await PlantAsync();
        await plant.Cache.GetAsync();
        plant.FakeSheets!.Fail(403, count: 10, method: "batchUpdate");
        var before = plant.FakeSheets.BatchUpdates;

        Expect.Error(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM), ErrorCode.ALMACEN_NO_DISPONIBLE);

        // One attempt per command-level retry (DOMAIN 1.6: 3 retries), never a client-side loop on 403.
        Assert.Equal(4, plant.FakeSheets.BatchUpdates - before);
    }

    [Fact]
    public async Task A_column_inserted_by_the_office_between_commands_changes_nothing()
    {
        await using var plant = await PlantAsync();
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM));

        plant.FakeSheets!.InsertColumn(Sheets.Operaciones, 0, "Columna_Oficina");
        plant.FakeSheets.InsertColumn(Sheets.Uniones, 2, "Comentario");
        Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S1, NR, Operacion.ARM, ["001+1", "001+2"]));

        Assert.Equal("ARM parcial 2/4 (pausado)", await plant.CellAsync(S1, Col.EstadoDetalle));
        Assert.Equal("NR(94)", await plant.UnionCellAsync(S1, 2, Col.ArmWorker));
        Assert.Null(await plant.CellAsync(S1, "Columna_Oficina"));
        Assert.Empty(plant.FakeSheets.Violations);
    }

    [Fact]
    public async Task Dates_typed_by_the_office_come_back_as_serials_and_read_the_same()
    {
        await using var fake = await Fakes.FakeSheetsServer.StartAsync(datesAsSerials: true);
        var settings = new Dictionary<string, string?>(TestPlant.GoogleSettings(fake));
        await using var services = TestPlant.BuildServices(TestPlant.NewPath(), new FakeTimeProvider(TestPlant.ToUtc(Zeues.Core.Setup.FixturePlant.Now)), settings: settings);
        var workbook = services.GetRequiredService<IWorkbook>();

        var sheets = await workbook.ReadAsync(Sheets.All);
        var plant = Zeues.Core.Reading.PlantReader.Read(sheets, DateTimeOffset.UtcNow);

        var rawArmado = sheets[Sheets.Operaciones].Rows.Select(r => sheets[Sheets.Operaciones].Get(r, Col.FechaArmado)).First(v => v is not null);
        Assert.IsType<double>(rawArmado);
        Assert.Equal(new DateOnly(2026, 1, 16), plant.Find(S4)!.FechaArmado);
        Assert.Equal(new DateTime(2026, 1, 22, 8, 15, 0), plant.Find(S2)!.FechaOcupacion);
        Assert.Equal(18, plant.Spools.Count);
        Assert.Equal(2, plant.Spools.Count(s => s.HasDataError));
    }

    [Fact]
    public async Task The_first_snapshot_is_one_batch_get_shared_by_concurrent_screens()
    {
        await using var plant = await PlantAsync();
        var fake = plant.FakeSheets!;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => plant.Cache.GetAsync())));

        Assert.Equal(1, fake.BatchGets);
    }

    [Fact]
    public async Task A_refresh_picks_up_an_office_edit_and_tells_the_screens()
    {
        await using var plant = await PlantAsync();
        await plant.Cache.GetAsync();
        var told = new List<string>();
        using var _ = plant.Feed.Subscribe(c => { lock (told) told.Add(c.Tag); return Task.CompletedTask; });

        await plant.OfficeEditAsync(S13, Col.FechaMateriales, "20-01-2026");
        await plant.Services.GetRequiredService<SnapshotSync>().RefreshAsync("refresco");

        Assert.Equal(new DateOnly(2026, 1, 20), (await plant.Cache.GetAsync()).Find(S13)!.FechaMateriales);
        await Eventually.TrueAsync(() => { lock (told) return told.Contains(S13); });
    }

    [Fact]
    public async Task A_failed_refresh_keeps_the_good_snapshot()
    {
        await using var plant = await PlantAsync(new Dictionary<string, string?> { ["Zeues:GoogleSheets:MaxRetries"] = "0" });
        var good = await plant.Cache.GetAsync();
        plant.FakeSheets!.Fail(503, count: 1, method: "batchGet");

        await plant.Cache.ReloadAsync();

        Assert.Same(good, await plant.Cache.GetAsync());
        Assert.NotNull(plant.Cache.LastError);
    }
}
