using Zeues.Core.Domain;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Scale;

/// <summary>
/// DOMAIN 1.6: a command reads its spool where the snapshot has it and checks the rows still hold
/// the TAG; the office may sort, insert or append rows between two commands.
/// </summary>
public sealed class TargetedReadTests
{
    public static TheoryData<string> Providers => ["Sqlite", "GoogleSheets"];

    [Theory, MemberData(nameof(Providers))]
    public async Task A_command_after_the_office_sorted_operaciones_writes_the_spools_new_row(string provider)
    {
        await using var plant = await TestPlant.CreateAsync(provider: provider);
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM));
        await plant.OfficeSortDescendingAsync(Sheets.Operaciones, Col.TagSpool);
        var moved = await RowOfAsync(plant, S1);
        var before = await plant.CaptureAsync();

        Expect.Ok(await plant.RunAsync(CommandType.CANCELAR, S1, NR, Operacion.ARM));

        var changes = await plant.ChangesSinceAsync(before);
        Assert.NotEmpty(changes.Cells(Sheets.Operaciones));
        Assert.All(changes.Where(c => c.Sheet == Sheets.Operaciones), c => Assert.Equal(moved, c.Row));
        Assert.Null(await plant.CellAsync(S1, Col.OcupadoPor));
        Assert.Equal(moved, (await plant.Cache.GetAsync()).Find(S1)!.RowNumber);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_command_after_the_office_inserted_rows_above_the_spool_writes_the_spools_new_row(string provider)
    {
        await using var plant = await TestPlant.CreateAsync(provider: provider);
        await plant.Cache.GetAsync();
        await plant.OfficeInsertRowsAsync(Sheets.Operaciones, 2,
            new Dictionary<string, object?> { [Col.TagSpool] = "NUEVO-001", [Col.Ot] = "901", [Col.Nv] = "NV0900" },
            new Dictionary<string, object?> { [Col.TagSpool] = "NUEVO-002", [Col.Ot] = "902", [Col.Nv] = "NV0900" });
        await plant.OfficeInsertRowsAsync(Sheets.Uniones, 2,
            new Dictionary<string, object?> { [Col.TagSpool] = "NUEVO-001", [Col.Ot] = "901", [Col.NUnion] = 1, [Col.DnUnion] = 2.0, [Col.TipoUnion] = "BW" });
        var row = await RowOfAsync(plant, S3);
        var before = await plant.CaptureAsync();

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S3, NR, Operacion.ARM));

        var changes = await plant.ChangesSinceAsync(before);
        Assert.All(changes.Where(c => c.Sheet == Sheets.Operaciones), c => Assert.Equal(row, c.Row));
        Assert.Equal("NR(94)", CellReader.Text(await plant.CellAsync(S3, Col.OcupadoPor)));
        Assert.Null(await plant.CellAsync("NUEVO-001", Col.OcupadoPor));
        Assert.Null(await plant.CellAsync("NUEVO-002", Col.OcupadoPor));
        Assert.Equal(4, outcome.Spool.Unions.Count);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Unions_the_office_appends_to_a_spool_are_seen_by_the_next_command(string provider)
    {
        await using var plant = await TestPlant.CreateAsync(provider: provider);
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM));
        await plant.OfficeAppendAsync(Sheets.Uniones,
            new Dictionary<string, object?> { [Col.Id] = "001+5", [Col.Ot] = "001", [Col.NUnion] = 5d, [Col.TagSpool] = S1, [Col.DnUnion] = 2.5, [Col.TipoUnion] = "BW" });

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S1, NR, Operacion.ARM, ["001+5"]));

        Assert.Equal(5, outcome.Spool.Unions.Count);
        Assert.Equal("NR(94)", outcome.Spool.Unions.Single(u => u.NUnion == 5).ArmadaPor);
        Assert.Equal("NR(94)", CellReader.Text(await plant.UnionCellAsync(S1, 5, Col.ArmWorker)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Unions_the_office_appends_to_a_v3_spool_make_it_v4_for_the_next_command(string provider)
    {
        await using var plant = await TestPlant.CreateAsync(provider: provider);
        await plant.Cache.GetAsync();
        await plant.OfficeAppendAsync(Sheets.Uniones,
            new Dictionary<string, object?> { [Col.Ot] = "009", [Col.NUnion] = 1d, [Col.TagSpool] = S9, [Col.DnUnion] = 3d, [Col.TipoUnion] = "BW" });

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S9, NR, Operacion.ARM));

        Assert.Equal(SpoolVersion.V4, outcome.Spool.Version);
        Assert.Single(outcome.Spool.Unions);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_command_after_the_office_deleted_rows_so_the_spools_remembered_rows_lie_past_the_sheets_end_writes_its_new_rows(string provider)
    {
        // Sheets grown by appends end where their data ends, so deleting rows shrinks them under the rows the node remembers.
        const int spools = 1100, delivered = 200;
        await using var plant = await TestPlant.CreateAsync(Benchmarks.LargePlant.Build(spools), provider: provider);
        var tag = Benchmarks.LargePlant.Tag(1050);
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, tag, NR, Operacion.ARM));
        var remembered = (await plant.Cache.GetAsync()).Find(tag)!;
        // The office removes 200 delivered spools: their Operaciones rows and their unions.
        await plant.OfficeDeleteRowsAsync(Sheets.Operaciones, 2, 1 + delivered);
        await plant.OfficeDeleteRowsAsync(Sheets.Uniones, 2, 1 + delivered * Benchmarks.LargePlant.UnionsPerSpool);
        var operaciones = await plant.SheetAsync(Sheets.Operaciones);
        var uniones = await plant.SheetAsync(Sheets.Uniones);
        Assert.True(remembered.RowNumber > operaciones.Rows[^1].RowNumber);
        Assert.True(remembered.Unions.Min(u => u.RowNumber) > uniones.Rows[^1].RowNumber);
        var row = await RowOfAsync(plant, tag);
        var unionRows = uniones.Rows.Where(r => CellReader.Text(uniones.Get(r, Col.TagSpool)) == tag && CellReader.Text(uniones.Get(r, Col.NUnion)) is "1" or "2")
            .Select(r => r.RowNumber).ToList();
        var before = await plant.CaptureAsync();

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, tag, NR, Operacion.ARM, ["01050+1", "01050+2"]));

        var changes = await plant.ChangesSinceAsync(before);
        Assert.Equal((Resultado.PAUSADO, 2), (outcome.Resultado, outcome.UnionesProcesadas));
        Assert.NotEmpty(changes.Cells(Sheets.Operaciones));
        Assert.All(changes.Where(c => c.Sheet == Sheets.Operaciones), c => Assert.Equal(row, c.Row));
        Assert.Equal(unionRows, changes.Where(c => c.Sheet == Sheets.Uniones).Select(c => c.Row).Distinct().Order());
        Assert.Equal("NR(94)", CellReader.Text(await plant.UnionCellAsync(tag, 2, Col.ArmWorker)));
        Assert.Null(await plant.CellAsync(tag, Col.OcupadoPor));
        Assert.Equal(row, (await plant.Cache.GetAsync()).Find(tag)!.RowNumber);
    }

    private static async Task<int> RowOfAsync(TestPlant plant, string tag)
    {
        var sheet = await plant.SheetAsync(Sheets.Operaciones);
        return sheet.Rows.Single(r => CellReader.Text(sheet.Get(r, Col.TagSpool)) == tag).RowNumber;
    }
}
