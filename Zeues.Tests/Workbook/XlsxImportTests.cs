using System.Text.Json;
using Zeues.Core.Domain;
using Zeues.Core.Setup;
using Zeues.Core.Workbook;
using Zeues.Core.Workbook.Sqlite;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using Zeues.Web.Tools;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Workbook;

public sealed class XlsxImportTests : IAsyncLifetime
{
    private readonly List<string> _files = [];

    [Fact]
    public async Task The_fixture_imported_from_xlsx_reads_like_the_fixture_seeded_directly()
    {
        await using var seeded = await TestPlant.CreateAsync();
        var path = NewDb();
        await XlsxImport.RunAsync(FixtureXlsx(), new SqliteWorkbook(path), force: false);
        await using var imported = await TestPlant.CreateAsync(path: path);

        var expected = await seeded.ReadAsync();
        var actual = await imported.ReadAsync();

        Assert.Equal(expected.Spools.Select(s => (s.Tag, DisplayInfo.Of(s))), actual.Spools.Select(s => (s.Tag, DisplayInfo.Of(s))));
        // Every field, union and data error of every spool: values, types and row numbers survive the file.
        Assert.Equal(JsonSerializer.Serialize(expected.Spools), JsonSerializer.Serialize(actual.Spools));
        Assert.Equal(JsonSerializer.Serialize(expected.Workers), JsonSerializer.Serialize(actual.Workers));
        Assert.Equal(expected.Issues, actual.Issues);
        Assert.Equal(expected.Metadata.Select(m => JsonSerializer.Serialize(m)), actual.Metadata.Select(m => JsonSerializer.Serialize(m)));
        Assert.True(actual.Schema.IsValid);
    }

    [Fact]
    public void Each_kind_of_cell_reads_unformatted_and_gaps_stay_in_their_column()
    {
        var file = NewFile();
        XlsxWriter.Write(file, [new XlsxSheet("Hoja", [
            ["Texto", "Rico", "Inline", "Numero", "Logico", "Fecha", "Formula", "Calculo", "Hueco", "Ultima"],
            ["NV0650", new XlsxRichText("MR", "(93)"), new XlsxInline(" libre "), 4.5, true, new XlsxDate(46044.3194444444),
                new XlsxFormula("CONCAT(\"A\",\"B\")", "AB"), new XlsxFormula("2*3", 6d), null, false],
        ])]);

        using var xlsx = XlsxFile.Open(file);
        var rows = xlsx.ReadSheet("Hoja")!;

        Assert.Equal([1, 2], rows.Select(r => r.RowNumber));
        Assert.Equal<object?>(["NV0650", "MR(93)", " libre ", 4.5, true, 46044.3194444444, "AB", 6d, null, false], rows[1].Cells);
        Assert.Equal(new DateTime(2026, 1, 22, 7, 40, 0), CellReader.TryTimestamp(rows[1][5], out var time) ? time : null);
        Assert.Null(xlsx.ReadSheet("Otra"));
    }

    [Fact]
    public async Task Date_formatted_serials_read_as_the_dates_they_show()
    {
        var path = NewDb();
        await XlsxImport.RunAsync(FixtureXlsx(), new SqliteWorkbook(path), force: false);
        await using var plant = await TestPlant.CreateAsync(path: path);

        Assert.Equal(46044.3194444444, await plant.CellAsync(S5, Col.FechaOcupacion));
        var read = await plant.ReadAsync();
        Assert.Equal(new DateTime(2026, 1, 22, 7, 40, 0), read.Find(S5)!.FechaOcupacion);
        Assert.Equal(new DateOnly(2025, 12, 20), read.Find(S9)!.FechaMateriales);
    }

    [Fact]
    public async Task An_unknown_column_survives_where_the_office_put_it()
    {
        var file = FixtureXlsx(sheets => sheets.Select(s => s.Name != Sheets.Operaciones ? s : s with
        {
            Rows = [.. s.Rows.Select((row, i) => (IReadOnlyList<object?>)[row[0], i == 0 ? "Comentario Oficina" : i == 1 ? "revisar plano" : null, .. row.Skip(1)])],
        }));
        var path = NewDb();

        var result = await XlsxImport.RunAsync(file, new SqliteWorkbook(path), force: false);
        await using var plant = await TestPlant.CreateAsync(path: path);

        var sheet = await plant.SheetAsync(Sheets.Operaciones);
        Assert.Equal(1, sheet.Header.IndexOf("Comentario Oficina"));
        Assert.Equal("revisar plano", sheet.Get(sheet.Rows[0], "Comentario Oficina"));
        Assert.Equal(76, sheet.Header.Count);
        Assert.Empty(result.AddedColumns[Sheets.Operaciones]);
        Assert.Equal(S1, (await plant.ReadAsync()).Spools[0].Tag);
    }

    [Fact]
    public async Task Missing_expected_columns_are_added_as_at_startup_and_reported()
    {
        var file = FixtureXlsx(sheets => sheets.Select(s => s.Name != Sheets.Operaciones ? s : s with
        {
            Rows = [.. s.Rows.Select(row => (IReadOnlyList<object?>)row.Take(70).ToList())],
        }));
        var path = NewDb();

        var result = await XlsxImport.RunAsync(file, new SqliteWorkbook(path), force: false);

        Assert.Equal([Col.TotalUniones, Col.ArmCompletadas, Col.SoldCompletadas, Col.PulgadasArm, Col.PulgadasSold], result.AddedColumns[Sheets.Operaciones]);
        Assert.True(result.Plant.Schema.IsValid);
        Assert.Empty(result.Plant.Schema.Sheets.Single(s => s.Sheet == Sheets.Operaciones).MissingExpected);
        Assert.Equal(18, result.Rows[Sheets.Operaciones]);
        // The fixture's own data errors (DOMAIN §9: S16's DN, S17's date, two Roles rows) and no more.
        Assert.Equal(["Uniones/DN_UNION", "Operaciones/Fecha_Materiales", "Roles/Rol", "Roles/Rol"], result.DataErrors.Select(e => $"{e.Hoja}/{e.Columna}"));
    }

    [Fact]
    public async Task A_missing_sheet_fails_naming_it_and_writes_nothing()
    {
        var file = FixtureXlsx(sheets => sheets.Where(s => s.Name != Sheets.Roles));
        var path = NewDb();
        var workbook = new SqliteWorkbook(path);

        var error = await Assert.ThrowsAsync<XlsxImportException>(() => XlsxImport.RunAsync(file, workbook, force: true));

        Assert.Equal($"Falta la hoja Roles en {file}.", error.Message);
        Assert.Empty(await workbook.SheetNamesAsync());
    }

    [Fact]
    public async Task A_workbook_with_data_is_replaced_only_with_force()
    {
        await using var plant = await TestPlant.CreateAsync();
        var office = FixturePlant.Build();
        office[Sheets.Operaciones].RemoveAll(r => !Equals(r[Col.TagSpool], S1));
        var file = NewFile();
        XlsxWriter.Write(file, XlsxWriter.FromSheetRows(office));

        var error = await Assert.ThrowsAsync<XlsxImportException>(() => XlsxImport.RunAsync(file, plant.Workbook, force: false));
        Assert.Contains("--force", error.Message);
        Assert.Equal(18, (await plant.SheetAsync(Sheets.Operaciones)).Rows.Count);

        var result = await XlsxImport.RunAsync(file, plant.Workbook, force: true);
        Assert.Equal(1, result.Rows[Sheets.Operaciones]);
        Assert.Equal([S1], (await plant.ReadAsync()).Spools.Select(s => s.Tag));
    }

    [Fact]
    public async Task The_import_command_loads_the_file_the_app_then_works_on()
    {
        var file = FixtureXlsx();
        var path = NewDb();
        string[] args = ["import", file, $"--Zeues:Workbook:SqlitePath={path}"];

        Assert.Equal(0, await CommandLine.TryRunAsync(args));
        Assert.Equal(1, await CommandLine.TryRunAsync(args));
        Assert.Equal(0, await CommandLine.TryRunAsync([.. args, "--force"]));

        await using var plant = await TestPlant.CreateAsync(path: path);
        Assert.Equal(18, (await plant.ReadAsync()).Spools.Count);
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, MR, Operacion.ARM));
        Assert.Equal("MR(93)", await plant.CellAsync(S1, Col.OcupadoPor));
    }

    [Fact]
    public async Task The_import_command_refuses_a_file_that_is_not_xlsx_or_no_file()
    {
        var file = NewFile();
        await File.WriteAllTextAsync(file, "TAG_SPOOL;OT\n");
        var path = NewDb();

        Assert.Equal(1, await CommandLine.TryRunAsync(["import", file, $"--Zeues:Workbook:SqlitePath={path}"]));
        Assert.Equal(1, await CommandLine.TryRunAsync(["import", NewFile(), $"--Zeues:Workbook:SqlitePath={path}"]));
        Assert.Equal(2, await CommandLine.TryRunAsync(["import"]));
        Assert.False(File.Exists(path) && await new SqliteWorkbook(path).HasDataAsync());
    }

    private string FixtureXlsx(Func<IReadOnlyList<XlsxSheet>, IEnumerable<XlsxSheet>>? edit = null)
    {
        var file = NewFile();
        var sheets = XlsxWriter.FromSheetRows(FixturePlant.Build());
        XlsxWriter.Write(file, edit?.Invoke(sheets) ?? sheets);
        return file;
    }

    private string NewFile() => Track(Path.Combine(Path.GetTempPath(), $"zeues-test-{Guid.NewGuid():N}.xlsx"));

    private string NewDb() => Track(TestPlant.NewPath());

    private string Track(string path)
    {
        _files.Add(path);
        return path;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in _files)
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
        return Task.CompletedTask;
    }
}
