using System.Text;
using Zeues.Tests.Support;
using Zeues.Web.Admin;

namespace Zeues.Tests.Api;

public sealed class ExportAndPasswordTests
{
    [Fact]
    public async Task The_board_exports_as_a_semicolon_csv_with_every_spool()
    {
        await using var app = AppServer.AtFixtureTime(out _);
        using var http = app.Http();

        var response = await http.GetAsync("/export/tablero.csv");
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.StartsWith("TAG;NV;Versión;Estado", lines[0]);
        Assert.Equal(41, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("MK-1401-CW-25001-002;NV0650;v4.0;EN PROGRESO;ARMADO;MR(93);22-01-2026 08:15:00;1h 45m"));
    }

    [Fact]
    public async Task A_workers_day_exports_its_union_lines()
    {
        await using var app = AppServer.AtFixtureTime(out _);
        using var http = app.Http();

        var text = await http.GetStringAsync("/export/registro.csv?workerId=94&fecha=2026-01-20");

        Assert.Contains("20-01-2026;NR(94);MK-1401-CW-25001-003;NV0650;ARM;003+1;1;3.00;BW;20-01-2026 08:00:00;20-01-2026 12:10:00", text);
        Assert.Contains("003+2", text);
    }

    [Fact]
    public async Task The_board_and_a_workers_day_download_as_xlsx_that_open_with_the_rows()
    {
        await using var app = AppServer.AtFixtureTime(out _);
        using var http = app.Http();

        var board = await http.GetAsync("/export/tablero.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", board.Content.Headers.ContentType?.MediaType);
        Assert.Equal("tablero-20260122-1000.xlsx", board.Content.Headers.ContentDisposition?.FileNameStar ?? board.Content.Headers.ContentDisposition?.FileName);
        var boardRows = ReadXlsx(await board.Content.ReadAsByteArrayAsync(), "Tablero");
        Assert.Equal(41, boardRows.Count);
        Assert.Equal<object?>(["TAG", "NV", "Versión", "Estado"], boardRows[0].Cells.Take(4));
        Assert.Contains(boardRows, r => r.Cells.Take(8).SequenceEqual<object?>(
            ["MK-1401-CW-25001-002", "NV0650", "v4.0", "EN PROGRESO", "ARMADO", "MR(93)", "22-01-2026 08:15:00", "1h 45m"]));

        var day = ReadXlsx(await http.GetByteArrayAsync("/export/registro.xlsx?workerId=94&fecha=2026-01-20"), "Registro");
        Assert.Contains(day, r => r.Cells.SequenceEqual<object?>(
            ["20-01-2026", "NR(94)", "MK-1401-CW-25001-003", "NV0650", "ARM", "003+1", "1", "3.00", "BW", "20-01-2026 08:00:00", "20-01-2026 12:10:00"]));
        Assert.Contains(day, r => Equals(r[5], "003+2"));
    }

    private static IReadOnlyList<Zeues.Core.Workbook.SheetRow> ReadXlsx(byte[] bytes, string sheet)
    {
        var file = Path.Combine(Path.GetTempPath(), $"zeues-export-{Guid.NewGuid():N}.xlsx");
        File.WriteAllBytes(file, bytes);
        try
        {
            using var xlsx = Zeues.Core.Setup.XlsxFile.Open(file);
            return xlsx.ReadSheet(sheet) ?? throw new InvalidDataException($"no sheet {sheet}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_demo_password_matches_the_documented_demo_hash_and_others_do_not()
    {
        Assert.True(SupervisorPassword.Verify("zeues-demo", SupervisorOptions.DemoPasswordHash));
        Assert.False(SupervisorPassword.Verify("zeues-demo2", SupervisorOptions.DemoPasswordHash));
        var own = SupervisorPassword.Hash("otra clave");
        Assert.True(SupervisorPassword.Verify("otra clave", own));
        Assert.False(SupervisorPassword.Verify("x", "no-es-un-hash"));
    }
}
