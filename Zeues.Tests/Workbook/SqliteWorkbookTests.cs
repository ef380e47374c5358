using Zeues.Core.Domain;
using Zeues.Core.Setup;
using Zeues.Core.Workbook;
using Zeues.Core.Workbook.Sqlite;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Workbook;

public sealed class SqliteWorkbookTests
{
    [Fact]
    public async Task A_new_workbook_has_the_five_sheets_with_the_domain_headers()
    {
        await using var plant = await TestPlant.CreateAsync();
        var sheets = await plant.Workbook.ReadAsync(Sheets.All);

        Assert.Equal(75, sheets[Sheets.Operaciones].Header.Count);
        Assert.All(Sheets.All, s => Assert.True(SheetSchema.Check(s, sheets[s].Header).IsValid));
        Assert.Equal(18, sheets[Sheets.Operaciones].Rows.Count);
    }

    [Fact]
    public async Task A_batch_that_fails_half_way_leaves_nothing_written()
    {
        await using var plant = await TestPlant.CreateAsync();
        var before = await plant.SheetAsync(Sheets.Operaciones);
        var row = before.Rows[0].RowNumber;
        var batch = new WorkbookBatch(
            [new CellUpdate(Sheets.Operaciones, row, Col.OcupadoPor, "NR(94)"), new CellUpdate(Sheets.Operaciones, row, "No_Existe", "x")],
            [new RowAppend(Sheets.Metadata, new Dictionary<string, object?> { [Col.Id] = "x" })],
            new Dictionary<string, HeaderMap>());

        await Assert.ThrowsAsync<ZeuesException>(() => plant.Workbook.ApplyAsync(batch));

        Assert.Null(await plant.CellAsync(S1, Col.OcupadoPor));
        Assert.Equal(7, await plant.MetadataCountAsync());
    }

    [Fact]
    public async Task A_failure_after_the_first_row_written_rolls_the_whole_batch_back()
    {
        await using var plant = await TestPlant.CreateAsync();
        plant.Workbook.AfterRowWritten = (_, _) => throw new IOException("disco lleno");
        var batch = new WorkbookBatch(
            [new CellUpdate(Sheets.Operaciones, 2, Col.OcupadoPor, "NR(94)")],
            [new RowAppend(Sheets.Metadata, new Dictionary<string, object?> { [Col.Id] = "x" })],
            new Dictionary<string, HeaderMap>());

        await Assert.ThrowsAsync<IOException>(() => plant.Workbook.ApplyAsync(batch));
        plant.Workbook.AfterRowWritten = null;

        Assert.Null(await plant.CellAsync(S1, Col.OcupadoPor));
        Assert.Equal(7, await plant.MetadataCountAsync());
    }

    [Fact]
    public async Task An_inserted_or_moved_column_reads_the_same_values()
    {
        await using var plant = await TestPlant.CreateAsync();
        var before = await plant.ReadAsync();

        await plant.Workbook.InsertColumnAsync(Sheets.Operaciones, 0, "Columna_Nueva");
        await plant.Workbook.InsertColumnAsync(Sheets.Uniones, 3, "Otra");
        var after = await plant.ReadAsync();

        Assert.Equal(before.Spools.Select(s => (s.Tag, s.OcupadoPor, s.EstadoDetalle, s.FechaMateriales)),
            after.Spools.Select(s => (s.Tag, s.OcupadoPor, s.EstadoDetalle, s.FechaMateriales)));
        Assert.Equal(before.Spools.SelectMany(s => s.Unions).Select(u => (u.NUnion, u.Dn, u.ArmFin)),
            after.Spools.SelectMany(s => s.Unions).Select(u => (u.NUnion, u.Dn, u.ArmFin)));
    }

    [Fact]
    public async Task A_missing_critical_column_is_reported_by_name()
    {
        await using var plant = await TestPlant.CreateAsync();
        await plant.Workbook.RenameColumnAsync(Sheets.Operaciones, Col.OcupadoPor, "Ocupado");

        var read = await plant.ReadAsync();

        Assert.Equal((Sheets.Operaciones, Col.OcupadoPor), read.Schema.FirstMissing);
        Assert.Equal(5, read.ActiveWorkers.Count());
    }

    [Fact]
    public async Task Two_connections_on_one_file_write_concurrently_without_losing_rows()
    {
        await using var plant = await TestPlant.CreateAsync();
        var other = new SqliteWorkbook(plant.Path);

        Task Append(IWorkbook wb, int i) => wb.ApplyAsync(new WorkbookBatch([],
            [new RowAppend(Sheets.Metadata, new Dictionary<string, object?> { [Col.Id] = $"id-{i}" })], new Dictionary<string, HeaderMap>()));
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => Append(i % 2 == 0 ? plant.Workbook : other, i))));

        var ids = (await plant.SheetAsync(Sheets.Metadata)).Rows.Select(r => CellReader.Text(r[0])).ToList();
        Assert.Equal(47, ids.Count);
        Assert.Equal(40, ids.Count(i => i!.StartsWith("id-")));
    }

    [Fact]
    public async Task The_demo_seed_is_the_fixture_shifted_to_today_with_about_forty_spools_and_two_hundred_unions()
    {
        var path = TestPlant.NewPath();
        var workbook = new SqliteWorkbook(path);
        var today = new DateOnly(2026, 11, 26);
        await SqliteWorkbookInitializer.InitializeAsync(workbook, () => Zeues.Core.Setup.DemoPlant.Build(today));
        var plant = Zeues.Core.Reading.PlantReader.Read(await workbook.ReadAsync(Sheets.All), DateTimeOffset.UtcNow);

        Assert.Equal(40, plant.Spools.Count);
        Assert.InRange(plant.Spools.Sum(s => s.Unions.Count), 180, 240);
        Assert.Equal(new DateTime(2026, 11, 26, 8, 15, 0), plant.Find(S2)!.FechaOcupacion);
        var states = plant.Spools.Select(s => DisplayInfo.Of(s).State).ToHashSet();
        Assert.Equal(Enum.GetValues<DisplayState>().ToHashSet(), states);
        Assert.Contains(plant.Spools, s => s.Version == SpoolVersion.V3 && !s.HasDataError);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(path);
    }
}

public sealed class SqliteConditionalWriteTests
{
    [Fact]
    public async Task Two_nodes_without_a_shared_lease_cannot_both_take_one_spool()
    {
        // Two nodes, in-process locks each (as when Redis is down), one SQLite file.
        await using var plant = await Zeues.Tests.Support.TestPlant.CreateAsync(provider: "Sqlite");
        await using var other = plant.NewNode();
        var commands = new[] { plant.Commands, Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Zeues.Core.Workflows.SpoolCommands>(other) };

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => commands[i % 2].ExecuteAsync(
            new Zeues.Core.Domain.CommandRequest(Guid.NewGuid(), Zeues.Core.Domain.CommandType.INICIAR, Zeues.Tests.Support.Fixture.S1,
                Zeues.Core.Domain.Actor.ForWorker(i % 2 == 0 ? 93 : 94), Operacion.ARM)))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains(r.Error!.Code, new[] { ErrorCode.SPOOL_OCUPADO, ErrorCode.CONFLICTO_CONCURRENTE }));
        var starts = (await plant.AuditRowsAsync()).Count(r => Equals(r.EventoTipo, "INICIAR_SPOOL") && Equals(r.Tag, Zeues.Tests.Support.Fixture.S1));
        Assert.Equal(1, starts);
    }
}
