using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Reading;
using Zeues.Core.Workbook;

namespace Zeues.Core.Reports;

/// <summary>One Parte_Diario row: a worker's day, every figure taken from their DOMAIN 7.4 daily record.</summary>
public sealed record ParteDiarioRow(int? WorkerId, string Trabajador, decimal PulgadasArm, decimal PulgadasSold, int UnionesArm, int UnionesSold,
    int SpoolsCompletados, int MinutosOcupado, int Rechazos)
{
    public static ParteDiarioRow Of(DailyRecord r) => new(r.Worker.Id, r.Worker.NombreCompleto, r.PulgadasArm, r.PulgadasSold, r.UnionesArm,
        r.UnionesSold, r.SpoolsCompletados, r.MinutosOcupado, r.Rechazos);
}

/// <summary>FLOOR F6: the day's report, one row per worker with activity plus the TOTAL row.</summary>
public sealed record ParteDiario(DateOnly Fecha, IReadOnlyList<ParteDiarioRow> Workers)
{
    public const string Sheet = "Parte_Diario";
    public const string Total = "TOTAL";

    public static readonly IReadOnlyList<string> Headers =
        ["Fecha", "Worker_ID", "Trabajador", "Pulgadas_ARM", "Pulgadas_SOLD", "Uniones_ARM", "Uniones_SOLD", "Spools_Completados", "Minutos_Ocupado", "Rechazos"];

    public ParteDiarioRow TotalRow => new(null, Total, Workers.Sum(w => w.PulgadasArm), Workers.Sum(w => w.PulgadasSold), Workers.Sum(w => w.UnionesArm),
        Workers.Sum(w => w.UnionesSold), Workers.Sum(w => w.SpoolsCompletados), Workers.Sum(w => w.MinutosOcupado), Workers.Sum(w => w.Rechazos));

    public IReadOnlyList<ParteDiarioRow> AllRows => [.. Workers, TotalRow];

    /// <summary>Every active worker whose daily record for the date is not empty, by Worker_ID.</summary>
    public static ParteDiario Build(PlantSnapshot plant, DateOnly fecha) => new(fecha,
        plant.ActiveWorkers.OrderBy(w => w.Id).Select(w => DailyRecordQuery.Build(plant, w, fecha)).Where(r => !r.IsEmpty).Select(ParteDiarioRow.Of).ToList());

    /// <summary>The row's cells by header, written as DOMAIN 1.5 says (date as text, pulgadas rounded, counters as numbers).</summary>
    public IReadOnlyDictionary<string, object?> Cells(ParteDiarioRow row) => new Dictionary<string, object?>
    {
        ["Fecha"] = CellWriter.Date(Fecha),
        ["Worker_ID"] = row.WorkerId,
        ["Trabajador"] = CellWriter.Text(row.Trabajador),
        ["Pulgadas_ARM"] = CellWriter.Pulgadas(row.PulgadasArm),
        ["Pulgadas_SOLD"] = CellWriter.Pulgadas(row.PulgadasSold),
        ["Uniones_ARM"] = row.UnionesArm,
        ["Uniones_SOLD"] = row.UnionesSold,
        ["Spools_Completados"] = row.SpoolsCompletados,
        ["Minutos_Ocupado"] = row.MinutosOcupado,
        ["Rechazos"] = row.Rechazos,
    };
}
