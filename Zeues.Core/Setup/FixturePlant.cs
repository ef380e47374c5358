using Zeues.Core.Workbook;

namespace Zeues.Core.Setup;

/// <summary>The DOMAIN.md §9 fixture plant, exactly as written (today = 22-01-2026, now = 10:00:00).</summary>
public static class FixturePlant
{
    public static readonly DateOnly Today = new(2026, 1, 22);
    public static readonly DateTime Now = new(2026, 1, 22, 10, 0, 0);

    public static SheetRows Build()
    {
        var rows = new SheetRows();
        Workers(rows);
        Operaciones(rows);
        Uniones(rows);
        Metadata(rows);
        return rows;
    }

    private static void Workers(SheetRows rows)
    {
        foreach (var (id, nombre, apellido, activo) in new[]
        {
            (93, "Mauricio", "Rodríguez", true), (94, "Nicolás", "Rivas", true), (95, "Carlos", "Pimiento", true),
            (96, "Javiera", "Muñoz", true), (97, "Juan Carlos", "Pérez López", true), (98, "Lucía", "Vera", false),
        })
            rows.Add(Sheets.Trabajadores, new() { ["Id"] = (double)id, ["Nombre"] = nombre, ["Apellido"] = apellido, ["Activo"] = activo });

        foreach (var (id, rol, activo) in new[]
        {
            (93, "Armador", true), (93, "Soldador", true), (94, "Armador", true), (95, "Soldador", true), (96, "Metrologia", true),
            (97, "Ayudante", true), (97, "Soldador", false), (98, "Soldador", true), (99, "Armador", true),
        })
            rows.Add(Sheets.Roles, new() { ["Id"] = (double)id, ["Rol"] = rol, ["Activo"] = activo });
    }

    private static void Operaciones(SheetRows rows)
    {
        void Op(string tag, string ot, string nv, object? mat = null, string? armado = null, string? armador = null, string? soldadura = null,
            string? soldador = null, string? qc = null, string? ocupado = null, object? fechaOcupacion = null, string? estado = null,
            double? tot = null, double? armc = null, double? solc = null, double? pa = null, double? ps = null) =>
            rows.Add(Sheets.Operaciones, new()
            {
                [Col.TagSpool] = tag, [Col.Ot] = ot, [Col.Nv] = nv, [Col.FechaMateriales] = mat, [Col.FechaArmado] = armado,
                [Col.Armador] = armador, [Col.FechaSoldadura] = soldadura, [Col.Soldador] = soldador, [Col.FechaQc] = qc,
                [Col.OcupadoPor] = ocupado, [Col.FechaOcupacion] = fechaOcupacion, [Col.EstadoDetalle] = estado,
                [Col.TotalUniones] = tot, [Col.ArmCompletadas] = armc, [Col.SoldCompletadas] = solc, [Col.PulgadasArm] = pa, [Col.PulgadasSold] = ps,
            });

        Op("MK-1401-CW-25001-001", "001", "NV0650", "05-01-2026", tot: 4, armc: 0, solc: 0, pa: 0, ps: 0);
        Op("MK-1401-CW-25001-002", "002", "NV0650", "05-01-2026", armador: "NR(94)", ocupado: "MR(93)", fechaOcupacion: "22-01-2026 08:15:00",
            estado: "MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)", tot: 3, armc: 1, solc: 0, pa: 4, ps: 0);
        Op("MK-1401-CW-25001-003", "003", "NV0650", "06-01-2026", armador: "NR(94)", estado: "ARM parcial 2/4 (pausado)", tot: 4, armc: 2, solc: 0, pa: 6, ps: 0);
        Op("MK-1401-TW-25001-004", "004", "NV0651", "06-01-2026", "16-01-2026", "NR(94)", estado: "Disponible - ARM completado, SOLD pendiente",
            tot: 3, armc: 3, solc: 0, pa: 14, ps: 0);
        Op("MK-1401-TW-25001-005", "005", "NV0651", "07-01-2026", "15-01-2026", "MR(93)", soldador: "CP(95)", ocupado: "CP(95)",
            fechaOcupacion: 46044.3194444444, estado: "CP(95) trabajando SOLD (ARM completado, SOLD en progreso)", tot: 3, armc: 3, solc: 1, pa: 11.5, ps: 8);
        Op("MK-1401-BW-25001-006", "006", "NV0651", "07-01-2026", "12-01-2026", "MR(93)", "14-01-2026", "CP(95)", estado: "En Cola Metrología",
            tot: 2, armc: 2, solc: 1, pa: 5.5, ps: 4);
        Op("MK-1401-BW-25001-007", "007", "NV0652", "02-01-2026", "08-01-2026", "NR(94)", "10-01-2026", "CP(95)",
            estado: "RECHAZADO (Ciclo 1/3) - Pendiente reparación", tot: 2, armc: 2, solc: 2, pa: 8, ps: 8);
        Op("MK-1401-BW-25001-008", "008", "NV0652", "02-01-2026", "08-01-2026", "NR(94)", "10-01-2026", "CP(95)", ocupado: "MR(93)",
            fechaOcupacion: "22-01-2026 09:00:00", estado: "EN_REPARACION (Ciclo 2/3) - Ocupado: MR(93)", tot: 1, armc: 1, solc: 1, pa: 3, ps: 3);
        Op("TEST-V3-009", "009", "NV0500", 46011d, ocupado: "DISPONIBLE");
        Op("TEST-V3-010", "010", "NV0500", "20-12-2025", "29-12-2025", "JP(97)", soldador: "CP(95)", estado: "Disponible - ARM completado, SOLD pausado", tot: 0);
        Op("TEST-V3-011", "011", "NV0500", "15-12-2025", "19-12-2025", "MR(93)", "23-12-2025", "MR(93)", "26-12-2025", estado: "METROLOGIA APROBADO ✓", tot: 0);
        Op("TEST-V3-012", "012", "NV0501", "15-12-2025", "18-12-2025", "NR(94)", "20-12-2025", "CP(95)", estado: "BLOQUEADO - Contactar supervisor", tot: 0);
        Op("TEST-V3-013", "013", "NV0501", tot: 0);
        Op("TEST-V3-014", "014", "NV0501", "15-12-2025", "17-12-2025", "MR(93)", "19-12-2025", "CP(95)", estado: "PENDIENTE_METROLOGIA (Ciclo 2/3)", tot: 0);
        Op("MK-1401-BW-25001-015", "015", "NV0652", "02-01-2026", "08-01-2026", "NR(94)", "10-01-2026", "CP(95)",
            estado: "REPARACION_PAUSADA (Ciclo 1/3)", tot: 1, armc: 1, solc: 1, pa: 2, ps: 2);
        Op("MK-1401-CW-25001-016", "016", "NV0653", "08-01-2026", tot: 2, armc: 0, solc: 0, pa: 0, ps: 0);
        Op("TEST-V3-017", "017", "NV0501", "pendiente", tot: 0);
        Op("MK-1401-FW-25001-018", "018", "NV0653", "10-01-2026");
    }

    private static void Uniones(SheetRows rows)
    {
        var version = 0;
        void U(string ot, int n, string tag, double? dn, string tipo, string? armIni = null, string? armFin = null, string? armW = null,
            string? solIni = null, string? solFin = null, string? solW = null) =>
            rows.Add(Sheets.Uniones, new()
            {
                ["ID"] = $"{ot}+{n}", [Col.Ot] = ot, [Col.NUnion] = (double)n, [Col.TagSpool] = tag, [Col.DnUnion] = dn, [Col.TipoUnion] = tipo,
                [Col.ArmInicio] = armIni, [Col.ArmFin] = armFin, [Col.ArmWorker] = armW, [Col.SolInicio] = solIni, [Col.SolFin] = solFin,
                [Col.SolWorker] = solW, ["version"] = $"00000000-0000-4000-9000-{++version:000000000000}",
            });

        const string s1 = "MK-1401-CW-25001-001", s2 = "MK-1401-CW-25001-002", s3 = "MK-1401-CW-25001-003", s4 = "MK-1401-TW-25001-004",
            s5 = "MK-1401-TW-25001-005", s6 = "MK-1401-BW-25001-006", s7 = "MK-1401-BW-25001-007", s8 = "MK-1401-BW-25001-008",
            s15 = "MK-1401-BW-25001-015", s16 = "MK-1401-CW-25001-016", s18 = "MK-1401-FW-25001-018";
        U("001", 1, s1, 2.0, "BW"); U("001", 2, s1, 2.0, "BW"); U("001", 3, s1, 1.5, "SO"); U("001", 4, s1, 3.0, "FW");
        U("002", 1, s2, 4.0, "BW", "21-01-2026 09:00:00", "21-01-2026 11:30:00", "NR(94)"); U("002", 2, s2, 4.0, "BW"); U("002", 3, s2, 2.0, "BR");
        U("003", 1, s3, 3.0, "BW", "20-01-2026 08:00:00", "20-01-2026 12:10:00", "NR(94)");
        U("003", 2, s3, 3.0, "FW", "20-01-2026 08:00:00", "20-01-2026 12:10:00", "NR(94)");
        U("003", 3, s3, 2.0, "SO"); U("003", 5, s3, 3.0, "BW");
        U("004", 1, s4, 6.0, "BW", "16-01-2026 08:00:00", "16-01-2026 10:00:00", "NR(94)");
        U("004", 2, s4, 6.0, "BW", "16-01-2026 08:00:00", "16-01-2026 10:00:00", "NR(94)");
        U("004", 3, s4, 2.0, "FW", "16-01-2026 08:00:00", "16-01-2026 10:00:00", "NR(94)");
        U("005", 1, s5, 8.0, "BW", "15-01-2026 08:00:00", "15-01-2026 09:30:00", "MR(93)", "20-01-2026 08:00:00", "20-01-2026 13:00:00", "CP(95)");
        U("005", 2, s5, 2.5, "SO", "15-01-2026 08:00:00", "15-01-2026 09:30:00", "MR(93)");
        U("005", 3, s5, 1.0, "LET", "15-01-2026 08:00:00", "15-01-2026 09:30:00", "MR(93)");
        U("006", 1, s6, 4.0, "BW", "12-01-2026 08:00:00", "12-01-2026 09:00:00", "MR(93)", "14-01-2026 08:00:00", "14-01-2026 10:00:00", "CP(95)");
        U("006", 2, s6, 1.5, "FW", "12-01-2026 08:00:00", "12-01-2026 09:00:00", "MR(93)");
        U("007", 1, s7, 4.0, "BW", "08-01-2026 08:00:00", "08-01-2026 09:00:00", "NR(94)", "10-01-2026 08:00:00", "10-01-2026 11:00:00", "CP(95)");
        U("007", 2, s7, 4.0, "BR", "08-01-2026 08:00:00", "08-01-2026 09:00:00", "NR(94)", "10-01-2026 08:00:00", "10-01-2026 11:00:00", "CP(95)");
        U("008", 1, s8, 3.0, "BW", "08-01-2026 08:00:00", "08-01-2026 09:00:00", "NR(94)", "10-01-2026 08:00:00", "10-01-2026 09:30:00", "CP(95)");
        U("015", 1, s15, 2.0, "BW", "08-01-2026 08:00:00", "08-01-2026 09:00:00", "NR(94)", "10-01-2026 08:00:00", "10-01-2026 09:30:00", "CP(95)");
        U("016", 1, s16, 2.0, "BW"); U("016", 2, s16, null, "BW");
        U("018", 1, s18, 2.0, "FW");
    }

    private static void Metadata(SheetRows rows)
    {
        static string Id(int n) => $"aaaaaaaa-0000-4000-8000-{n:000000000000}";
        void M(int id, string ts, string evento, string tag, int workerId, string worker, string op, string accion, string json, int? n = null) =>
            rows.Add(Sheets.Metadata, new()
            {
                [Col.Id] = Id(id), [Col.Timestamp] = ts, [Col.EventoTipo] = evento, [Col.TagSpool] = tag, [Col.MetaWorkerId] = (double)workerId,
                [Col.WorkerNombre] = worker, [Col.Operacion] = op, [Col.Accion] = accion, [Col.FechaOperacion] = ts[..10],
                [Col.MetadataJson] = json, [Col.NUnion] = (double?)n,
            });

        M(1, "30-12-2025 08:00:00", "TOMAR_SPOOL", "TEST-V3-010", 95, "CP(95)", "SOLD", "TOMAR", "{}");
        M(2, "30-12-2025 12:30:00", "PAUSAR_SPOOL", "TEST-V3-010", 95, "CP(95)", "SOLD", "PAUSAR", "{}");
        M(3, "11-01-2026 15:00:00", "COMPLETAR_METROLOGIA", "MK-1401-BW-25001-007", 96, "JM(96)", "METROLOGIA", "COMPLETAR", """{"resultado":"RECHAZADO"}""");
        M(4, "21-01-2026 09:00:00", "INICIAR_SPOOL", "MK-1401-CW-25001-002", 94, "NR(94)", "ARM", "INICIAR",
            """{"comando":"INICIAR","ocupado_por":"NR(94)","fecha_ocupacion":"21-01-2026 09:00:00","estado_detalle":"NR(94) trabajando ARM (ARM en progreso, SOLD pendiente)","version_spool":"v4.0"}""");
        M(5, "21-01-2026 11:30:00", "PAUSAR_SPOOL", "MK-1401-CW-25001-002", 94, "NR(94)", "ARM", "PAUSAR",
            """{"comando":"FINALIZAR","fecha_ocupacion":"21-01-2026 09:00:00","duracion_min":150,"union_ids":["002+1"],"unions_processed":1,"pulgadas":4.0,"done":1,"total":3,"estado_detalle":"ARM parcial 1/3 (pausado)","version_spool":"v4.0"}""");
        M(5, "21-01-2026 11:30:00", "UNION_ARM_REGISTRADA", "MK-1401-CW-25001-002", 94, "NR(94)", "ARM", "REGISTRAR",
            """{"union_id":"002+1","dn_union":4.0,"tipo":"BW","inicio":"21-01-2026 09:00:00","fin":"21-01-2026 11:30:00","duracion_min":150}""", 1);
        M(6, "22-01-2026 08:15:00", "INICIAR_SPOOL", "MK-1401-CW-25001-002", 93, "MR(93)", "ARM", "INICIAR",
            """{"comando":"INICIAR","ocupado_por":"MR(93)","fecha_ocupacion":"22-01-2026 08:15:00","estado_detalle":"MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)","version_spool":"v4.0"}""");
    }
}
