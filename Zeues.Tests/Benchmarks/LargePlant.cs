using Zeues.Core.Domain;
using Zeues.Core.Setup;
using Zeues.Core.Workbook;

namespace Zeues.Tests.Benchmarks;

/// <summary>
/// A generated plant the size of a big project: the fixture's workers and roles plus N v4 spools of
/// 10 unions each, spread over the stages the demo uses (pending, partial, armed, welding, in the
/// metrology queue, approved) with one spool in five occupied. Built the way DemoPlant builds its rows.
/// </summary>
public static class LargePlant
{
    public const int UnionsPerSpool = 10;
    private static readonly string[] Kinds = ["CW", "TW", "BW"];
    private static readonly string[] Tipos = ["BW", "BW", "SO", "FW", "BR", "LET", "BW", "MIT", "FILL", "BW", "SO"];
    private static readonly string[] Fitters = ["NR(94)", "MR(93)"];
    private static readonly string[] Welders = ["CP(95)", "MR(93)"];

    public static string Tag(int i) => $"BENCH-{Kinds[i % 3]}-{i:00000}";

    /// <summary>Metadata rows per spool in the generated history: 100,000 rows for 5,000 spools, a few months of audit rows.</summary>
    public const int MetadataPerSpool = 20;

    /// <summary><paramref name="spools"/> spools of 10 unions, and the fixture's Metadata followed by <paramref name="metadata"/> generated rows.</summary>
    public static SheetRows Build(int spools, int metadata = 0)
    {
        var fixture = FixturePlant.Build();
        var rows = new SheetRows
        {
            [Sheets.Trabajadores] = fixture[Sheets.Trabajadores],
            [Sheets.Roles] = fixture[Sheets.Roles],
            [Sheets.Metadata] = fixture[Sheets.Metadata],
        };
        for (var i = 1; i <= spools; i++) AddSpool(rows, i);
        AddHistory(rows, spools, metadata);
        return rows;
    }

    private static readonly (string Evento, string Operacion, string Accion, string Json)[] Events =
    [
        ("INICIAR_SPOOL", "ARM", "INICIAR", "\"comando\":\"INICIAR\",\"ocupado_por\":\"NR(94)\",\"fecha_ocupacion\":\"{0}\""),
        ("UNION_ARM_REGISTRADA", "ARM", "REGISTRAR", "\"union_id\":\"{1}+1\",\"dn_union\":2.5,\"tipo\":\"BW\",\"inicio\":\"{0}\",\"fin\":\"{0}\",\"duracion_min\":95"),
        ("PAUSAR_SPOOL", "ARM", "PAUSAR", "\"comando\":\"FINALIZAR\",\"fecha_ocupacion\":\"{0}\",\"duracion_min\":95,\"union_ids\":[\"{1}+1\"],\"unions_processed\":1,\"pulgadas\":2.5,\"done\":1,\"total\":10"),
        ("INICIAR_SPOOL", "SOLD", "INICIAR", "\"comando\":\"INICIAR\",\"ocupado_por\":\"CP(95)\",\"fecha_ocupacion\":\"{0}\""),
        ("UNION_SOLD_REGISTRADA", "SOLD", "REGISTRAR", "\"union_id\":\"{1}+1\",\"dn_union\":2.5,\"tipo\":\"BW\",\"inicio\":\"{0}\",\"fin\":\"{0}\",\"duracion_min\":120"),
        ("COMPLETAR_SPOOL", "SOLD", "COMPLETAR", "\"comando\":\"FINALIZAR\",\"fecha_ocupacion\":\"{0}\",\"duracion_min\":120,\"union_ids\":[\"{1}+1\"],\"unions_processed\":1,\"pulgadas\":2.5,\"done\":10,\"total\":10,\"fecha_operacion\":\"{0}\""),
        ("CANCELAR_SPOOL", "ARM", "CANCELAR", "\"comando\":\"CANCELAR\",\"motivo\":\"cancelado\",\"fecha_ocupacion\":\"{0}\",\"duracion_min\":3,\"trabajador_borrado\":false"),
        ("METROLOGIA_LISTA", "METROLOGIA", "ENCOLAR", "\"origen\":\"SOLD\",\"ciclo\":0"),
        ("METROLOGIA_RECHAZADA", "METROLOGIA", "RECHAZAR", "\"comando\":\"METROLOGIA\",\"resultado\":\"RECHAZADO\",\"ciclo\":1,\"bloqueado\":false"),
        ("METROLOGIA_APROBADA", "METROLOGIA", "APROBAR", "\"comando\":\"METROLOGIA\",\"resultado\":\"APROBADO\",\"ciclo_previo\":1"),
        ("NOTA_AGREGADA", "NOTA", "AGREGAR", "\"comando\":\"NOTA\",\"texto\":\"revisar bisel\""),
        ("LIBERACION_FORZADA", "ARM", "LIBERAR", "\"comando\":\"LIBERAR\",\"supervisor\":\"Ana\",\"ocupante_anterior\":\"NR(94)\",\"fecha_ocupacion\":\"{0}\",\"duracion_min\":600,\"motivo\":\"turno\""),
        ("SUPERVISOR_OVERRIDE", "REPARACION", "DESBLOQUEAR", "\"comando\":\"DESBLOQUEAR\",\"supervisor\":\"Ana\",\"estado_anterior\":\"BLOQUEADO\",\"motivo\":\"revisado\",\"override_type\":\"BLOQUEADO_TO_RECHAZADO\""),
    ];

    /// <summary>Audit rows of every event type spread over the spools and over the months before the fixture's day, oldest first.</summary>
    private static void AddHistory(SheetRows rows, int spools, int count)
    {
        var start = FixturePlant.Now.AddDays(-120);
        for (var k = 0; k < count; k++)
        {
            var i = k % spools + 1;
            var (evento, operacion, accion, json) = Events[k / spools % Events.Length];
            var at = start.AddMinutes(k * 120.0 * 24 * 60 / Math.Max(count, 1) * 0.99);
            var stamp = CellWriter.Timestamp(at);
            var union = evento.StartsWith("UNION_", StringComparison.Ordinal);
            rows.Add(Sheets.Metadata, new()
            {
                [Col.Id] = new Guid(k, 0x5a5a, 0x4b4b, 1, 2, 3, 4, 5, 6, 7, 8).ToString("D"), [Col.Timestamp] = stamp, [Col.EventoTipo] = evento,
                [Col.TagSpool] = Tag(i), [Col.MetaWorkerId] = 94d, [Col.WorkerNombre] = "NR(94)", [Col.Operacion] = operacion, [Col.Accion] = accion,
                [Col.FechaOperacion] = CellWriter.Date(DateOnly.FromDateTime(at)),
                [Col.MetadataJson] = "{" + string.Format(System.Globalization.CultureInfo.InvariantCulture, json, stamp, i.ToString("00000")) + "}",
                [Col.NUnion] = union ? 1d : null,
            });
        }
    }

    private static void AddSpool(SheetRows rows, int i)
    {
        var ot = i.ToString("00000");
        var tag = Tag(i);
        var stage = i % 6;
        var day = FixturePlant.Today.AddDays(-(i % 5) - 1);
        var occupied = i % 5 == 1 && stage is 0 or 1 or 2 or 3;
        var unions = new List<Union>();
        for (var n = 1; n <= UnionsPerSpool; n++)
        {
            var armed = stage switch { 0 => false, 1 => n <= UnionsPerSpool / 2, _ => true };
            var tipo = Tipos[(i + n) % Tipos.Length];
            var soldReq = tipo is "BW" or "BR" or "SO" or "FILL" or "LET";
            var welded = armed && soldReq && stage switch { 3 => n % 2 == 0, 4 or 5 => true, _ => false };
            var dn = 1.0m + (i * 7 + n * 3) % 12 * 0.5m;
            unions.Add(new Union(0, n, dn, tipo, ot,
                armed ? day.AddDays(-3).ToDateTime(new TimeOnly(8, 0)) : null, armed ? day.AddDays(-3).ToDateTime(new TimeOnly(11, 0)) : null,
                armed ? Fitters[(i + n) % 2] : null,
                welded ? day.ToDateTime(new TimeOnly(8, 0)) : null, welded ? day.ToDateTime(new TimeOnly(12, 0)) : null, welded ? Welders[(i + n) % 2] : null));
        }

        var spool = new Spool
        {
            RowNumber = 0, Tag = tag, Ot = ot, Nv = $"NV{1000 + i % 40}", FechaMateriales = FixturePlant.Today.AddDays(-20 - i % 9),
            HasUnionRows = true, Unions = unions,
        };
        spool = stage switch
        {
            1 => spool with { Armador = unions[0].ArmWorker },
            2 or 3 => spool with { FechaArmado = day.AddDays(-3), Armador = unions[0].ArmWorker, Soldador = stage == 3 ? "CP(95)" : null },
            4 => spool with { FechaArmado = day.AddDays(-3), Armador = unions[0].ArmWorker, FechaSoldadura = day, Soldador = "CP(95)" },
            5 => spool with { FechaArmado = day.AddDays(-3), Armador = unions[0].ArmWorker, FechaSoldadura = day, Soldador = "CP(95)", FechaQc = day },
            _ => spool,
        };
        if (occupied)
        {
            // Fitters on spools still to arm, welders on armed ones: the occupation the board groups by worker.
            var who = stage <= 1 ? Fitters[i % 2] : Welders[i % 2];
            spool = spool with { OcupadoPor = who, FechaOcupacion = FixturePlant.Now.AddMinutes(-(i % 600)) };
        }
        var counters = SpoolCounters.From(unions);

        rows.Add(Sheets.Operaciones, new()
        {
            [Col.TagSpool] = tag, [Col.Ot] = ot, [Col.Nv] = spool.Nv,
            [Col.FechaMateriales] = Date(spool.FechaMateriales), [Col.FechaArmado] = Date(spool.FechaArmado), [Col.Armador] = spool.Armador,
            [Col.FechaSoldadura] = Date(spool.FechaSoldadura), [Col.Soldador] = spool.Soldador, [Col.FechaQc] = Date(spool.FechaQc),
            [Col.OcupadoPor] = spool.OcupadoPor, [Col.FechaOcupacion] = Stamp(spool.FechaOcupacion),
            [Col.EstadoDetalle] = EstadoDetalle.Build(spool),
            [Col.TotalUniones] = (double)unions.Count,
            [Col.ArmCompletadas] = counters.ArmCompletadas, [Col.SoldCompletadas] = counters.SoldCompletadas,
            [Col.PulgadasArm] = (double?)counters.PulgadasArm, [Col.PulgadasSold] = (double?)counters.PulgadasSold,
        });
        foreach (var u in unions)
        {
            rows.Add(Sheets.Uniones, new()
            {
                ["ID"] = $"{ot}+{u.NUnion}", [Col.Ot] = ot, [Col.NUnion] = (double)u.NUnion, [Col.TagSpool] = tag, [Col.DnUnion] = (double)u.Dn,
                [Col.TipoUnion] = u.Tipo, [Col.ArmInicio] = Stamp(u.ArmInicio), [Col.ArmFin] = Stamp(u.ArmFin), [Col.ArmWorker] = u.ArmWorker,
                [Col.SolInicio] = Stamp(u.SolInicio), [Col.SolFin] = Stamp(u.SolFin), [Col.SolWorker] = u.SolWorker,
                ["version"] = $"v-{ot}-{u.NUnion}",
            });
        }
    }

    private static string? Date(DateOnly? d) => d is { } v ? CellWriter.Date(v) : null;
    private static string? Stamp(DateTime? t) => t is { } v ? CellWriter.Timestamp(v) : null;
}
