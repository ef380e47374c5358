using Microsoft.Extensions.DependencyInjection;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Reports;
using Zeues.Core.Setup;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.ShiftEnd;

public sealed class ParteDiarioTests
{
    private static readonly DateOnly Yesterday = new(2026, 1, 21);

    private static async Task<IReadOnlyList<Dictionary<string, string?>>> RowsAsync(TestPlant plant)
    {
        var sheet = await plant.SheetAsync(ParteDiario.Sheet);
        return sheet.Rows.Select(r => ParteDiario.Headers.ToDictionary(h => h, h => CellReader.Text(sheet.Get(r, h)))).ToList();
    }

    /// <summary>A day with work of several kinds: v4 unions and completions, a v3 completion, metrology rejection and approval.</summary>
    private static async Task WorkTodayAsync(TestPlant plant)
    {
        Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, unions: ["002+2", "002+3"]));
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S3, NR, Operacion.ARM));
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S9, MR, Operacion.ARM));
        plant.SetNow(FixturePlant.Now.AddMinutes(40));
        Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S3, NR, Operacion.ARM, unions: ["003+5"]));
        Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S5, CP, Operacion.SOLD, unions: ["005+2", "005+3"]));
        Expect.Ok(await plant.RunAsync(CommandType.COMPLETAR, S9, MR, Operacion.ARM));
        Expect.Ok(await plant.RunAsync(CommandType.METROLOGIA, S6, JM, resultado: ResultadoMetrologia.RECHAZADO, motivo: MotivoRechazo.DIMENSIONAL));
        Expect.Ok(await plant.RunAsync(CommandType.METROLOGIA, S14, JM, resultado: ResultadoMetrologia.APROBADO));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("GoogleSheets")]
    public async Task Writing_a_date_twice_leaves_one_set_of_rows_and_never_touches_other_dates(string provider)
    {
        await using var plant = await TestPlant.CreateAsync(provider: provider);
        var writer = plant.Services.GetRequiredService<ParteDiarioWriter>();
        Assert.DoesNotContain(ParteDiario.Sheet, await plant.Store.SheetNamesAsync());

        var batches = plant.FakeSheets?.BatchUpdates ?? 0;
        var first = await writer.WriteAsync(Yesterday);
        if (plant.FakeSheets is { } fake) Assert.Equal(batches + 1, fake.BatchUpdates);
        Assert.Contains(ParteDiario.Sheet, await plant.Store.SheetNamesAsync());
        Assert.Equal(0, first.FilasReemplazadas);

        await WorkTodayAsync(plant);
        await writer.WriteAsync(FixturePlant.Today);
        var afterToday = await RowsAsync(plant);

        batches = plant.FakeSheets?.BatchUpdates ?? 0;
        var again = await writer.WriteAsync(Yesterday);
        if (plant.FakeSheets is { } fake2) Assert.Equal(batches + 1, fake2.BatchUpdates);

        var rows = await RowsAsync(plant);
        Assert.Equal(first.Trabajadores + 1, again.FilasReemplazadas);
        Assert.Equal(afterToday.Count, rows.Count);
        var yesterday = rows.Where(r => r["Fecha"] == "21-01-2026").ToList();
        Assert.Equal(["94", null], yesterday.Select(r => r["Worker_ID"]));
        Assert.Equal(["Nicolás Rivas", "TOTAL"], yesterday.Select(r => r["Trabajador"]));
        Assert.All(yesterday, r => Assert.Equal("4", r["Pulgadas_ARM"]));
        Assert.Equal("150", yesterday[0]["Minutos_Ocupado"]);
        // Today's rows, written in between, are still there exactly as they were.
        Assert.Equal(afterToday.Where(r => r["Fecha"] == "22-01-2026").Select(r => string.Join("|", r.Values)),
            rows.Where(r => r["Fecha"] == "22-01-2026").Select(r => string.Join("|", r.Values)));
        Assert.Equal(afterToday.Count(r => r["Fecha"] == "21-01-2026"), yesterday.Count);
    }

    [Fact]
    public async Task Every_workers_row_equals_their_daily_record_and_the_total_row_adds_them_up()
    {
        await using var plant = await TestPlant.CreateAsync();
        await WorkTodayAsync(plant);
        var writer = plant.Services.GetRequiredService<ParteDiarioWriter>();
        var records = plant.Services.GetRequiredService<DailyRecordQuery>();

        var result = await writer.WriteAsync(FixturePlant.Today);
        var rows = (await RowsAsync(plant)).Where(r => r["Fecha"] == "22-01-2026").ToList();

        Assert.Equal(["93", "94", "95", "96", null], rows.Select(r => r["Worker_ID"]));
        Assert.Equal(4, result.Trabajadores);
        foreach (var row in rows.Where(r => r["Worker_ID"] is not null))
        {
            var record = await records.GetAsync(int.Parse(row["Worker_ID"]!), FixturePlant.Today);
            Assert.Equal(record.Worker.NombreCompleto, row["Trabajador"]);
            Assert.Equal(record.PulgadasArm, decimal.Parse(row["Pulgadas_ARM"]!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(record.PulgadasSold, decimal.Parse(row["Pulgadas_SOLD"]!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(record.UnionesArm.ToString(), row["Uniones_ARM"]);
            Assert.Equal(record.UnionesSold.ToString(), row["Uniones_SOLD"]);
            Assert.Equal(record.SpoolsCompletados.ToString(), row["Spools_Completados"]);
            Assert.Equal(record.MinutosOcupado.ToString(), row["Minutos_Ocupado"]);
            Assert.Equal(record.Rechazos.ToString(), row["Rechazos"]);
        }

        // The figures themselves, so the comparison above cannot pass on zeros.
        string Figures(Dictionary<string, string?> r) => string.Join(" ", ParteDiario.Headers.Skip(3).Select(h => r[h]));
        Assert.Equal("6 0 2 0 2 145 0", Figures(rows[0]));
        Assert.Equal("3 0 1 0 0 40 0", Figures(rows[1]));
        Assert.Equal("0 3.5 0 2 1 180 0", Figures(rows[2]));
        Assert.Equal("0 0 0 0 0 0 1", Figures(rows[3]));
        Assert.Equal("TOTAL", rows[4]["Trabajador"]);
        Assert.Equal("9 3.5 3 2 3 365 1", Figures(rows[4]));
    }

    [Fact]
    public async Task A_day_without_activity_still_gets_its_total_row()
    {
        await using var plant = await TestPlant.CreateAsync(provider: "Sqlite");
        var result = await plant.Services.GetRequiredService<ParteDiarioWriter>().WriteAsync(new DateOnly(2026, 1, 3));

        Assert.Equal(0, result.Trabajadores);
        var row = Assert.Single(await RowsAsync(plant));
        Assert.Equal(("03-01-2026", "TOTAL", "0", "0"), (row["Fecha"], row["Trabajador"], row["Pulgadas_ARM"], row["Minutos_Ocupado"]));
    }
}
