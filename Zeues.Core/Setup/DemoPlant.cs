using Zeues.Core.Domain;
using Zeues.Core.Workbook;

namespace Zeues.Core.Setup;

/// <summary>
/// The embedded demo: the §9 fixture extended to about 40 spools and 200 unions, every date shifted by
/// (today − 22-01-2026) so the plant looks current (DOMAIN 1.1).
/// </summary>
public static class DemoPlant
{
    private static readonly string[] Kinds = ["CW", "TW", "BW"];
    private static readonly string[] Tipos = ["BW", "BW", "SO", "FW", "BR", "LET", "BW", "MIT", "FILL", "BW", "SO"];
    private static readonly string[] Fitters = ["NR(94)", "MR(93)", "JP(97)"];
    private static readonly string[] Welders = ["CP(95)", "MR(93)"];

    public static SheetRows Build(DateOnly today)
    {
        var rows = FixturePlant.Build();
        for (var i = 19; i <= 40; i++) AddSpool(rows, i);
        Shift(rows, today.DayNumber - FixturePlant.Today.DayNumber);
        return rows;
    }

    private static void AddSpool(SheetRows rows, int i)
    {
        var ot = i.ToString("000");
        var tag = i % 7 == 6 ? $"TEST-V3-{ot}" : $"MK-1402-{Kinds[i % 3]}-25002-{ot}";
        var stage = i % 7;
        var day = FixturePlant.Today.AddDays(-(i % 5) - 1);

        var unions = new List<Union>();
        if (stage != 6)
        {
            var count = 6 + i % 6;
            for (var n = 1; n <= count; n++)
            {
                var armed = stage switch { 0 => false, 1 => n <= count / 2, _ => true };
                var tipo = Tipos[(i + n) % Tipos.Length];
                var soldReq = tipo is "BW" or "BR" or "SO" or "FILL" or "LET";
                var welded = armed && soldReq && stage switch { 3 => n % 2 == 0, 4 or 5 => true, _ => false };
                var fitter = Fitters[(i + n) % Fitters.Length];
                var welder = Welders[(i + n) % Welders.Length];
                var dn = 1.0m + (i * 7 + n * 3) % 12 * 0.5m;
                unions.Add(new Union(0, n, dn, tipo, ot,
                    armed ? day.AddDays(-3).ToDateTime(new TimeOnly(8, 0)) : null, armed ? day.AddDays(-3).ToDateTime(new TimeOnly(11, 0)) : null,
                    armed ? fitter : null,
                    welded ? day.ToDateTime(new TimeOnly(8, 0)) : null, welded ? day.ToDateTime(new TimeOnly(12, 0)) : null, welded ? welder : null));
            }
        }

        var spool = new Spool
        {
            RowNumber = 0,
            Tag = tag,
            Ot = ot,
            Nv = $"NV06{54 + i % 6}",
            FechaMateriales = FixturePlant.Today.AddDays(-20 - i % 9),
            HasUnionRows = unions.Count > 0,
            Unions = unions,
        };
        spool = stage switch
        {
            _ when unions.Count == 0 && i % 2 == 0 => spool with { FechaArmado = day, Armador = "JP(97)" },
            1 => spool with { Armador = unions[0].ArmWorker },
            2 or 3 => spool with { FechaArmado = day.AddDays(-3), Armador = unions[0].ArmWorker, Soldador = stage == 3 ? "CP(95)" : null },
            4 => spool with { FechaArmado = day.AddDays(-3), Armador = unions[0].ArmWorker, FechaSoldadura = day, Soldador = "CP(95)" },
            5 => spool with { FechaArmado = day.AddDays(-3), Armador = unions[0].ArmWorker, FechaSoldadura = day, Soldador = "CP(95)", FechaQc = day },
            _ => spool,
        };
        var counters = SpoolCounters.From(unions);

        rows.Add(Sheets.Operaciones, new()
        {
            [Col.TagSpool] = tag, [Col.Ot] = ot, [Col.Nv] = spool.Nv,
            [Col.FechaMateriales] = CellWriter.Date(spool.FechaMateriales), [Col.FechaArmado] = CellWriter.Date(spool.FechaArmado), [Col.Armador] = spool.Armador,
            [Col.FechaSoldadura] = CellWriter.Date(spool.FechaSoldadura), [Col.Soldador] = spool.Soldador, [Col.FechaQc] = CellWriter.Date(spool.FechaQc),
            [Col.EstadoDetalle] = EstadoDetalle.Build(spool),
            [Col.TotalUniones] = (double)unions.Count,
            [Col.ArmCompletadas] = unions.Count > 0 ? counters.ArmCompletadas : null,
            [Col.SoldCompletadas] = unions.Count > 0 ? counters.SoldCompletadas : null,
            [Col.PulgadasArm] = unions.Count > 0 ? (double?)counters.PulgadasArm : null,
            [Col.PulgadasSold] = unions.Count > 0 ? (double?)counters.PulgadasSold : null,
        });
        foreach (var u in unions)
        {
            rows.Add(Sheets.Uniones, new()
            {
                ["ID"] = $"{ot}+{u.NUnion}", [Col.Ot] = ot, [Col.NUnion] = (double)u.NUnion, [Col.TagSpool] = tag, [Col.DnUnion] = (double)u.Dn,
                [Col.TipoUnion] = u.Tipo, [Col.ArmInicio] = CellWriter.Timestamp(u.ArmInicio), [Col.ArmFin] = CellWriter.Timestamp(u.ArmFin), [Col.ArmWorker] = u.ArmWorker,
                [Col.SolInicio] = CellWriter.Timestamp(u.SolInicio), [Col.SolFin] = CellWriter.Timestamp(u.SolFin), [Col.SolWorker] = u.SolWorker,
                ["version"] = Guid.NewGuid().ToString(),
            });
        }
    }


    private static readonly Dictionary<string, string[]> DateColumns = new()
    {
        [Sheets.Operaciones] = [Col.FechaMateriales, Col.FechaArmado, Col.FechaSoldadura, Col.FechaQc, Col.FechaOcupacion],
        [Sheets.Uniones] = [Col.ArmInicio, Col.ArmFin, Col.SolInicio, Col.SolFin],
        [Sheets.Metadata] = [Col.Timestamp, Col.FechaOperacion],
    };

    private static void Shift(SheetRows rows, int days)
    {
        if (days == 0) return;
        foreach (var (sheet, columns) in DateColumns)
        foreach (var row in rows.GetValueOrDefault(sheet) ?? [])
        foreach (var column in columns)
        {
            var raw = row.GetValueOrDefault(column);
            if (raw is double serial) row[column] = serial + days;
            else if (raw is string text && CellReader.TryTimestamp(text, out var ts) && ts is { } t)
                row[column] = text.Trim().Length > 10 ? CellWriter.Timestamp(t.AddDays(days)) : CellWriter.Date(DateOnly.FromDateTime(t.AddDays(days)));
        }
    }
}
