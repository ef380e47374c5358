using System.Text.Json.Nodes;
using Zeues.Core.Domain;
using Zeues.Core.Reading;
using Zeues.Core.Workbook;

namespace Zeues.Core.Workflows;

/// <summary>A command's one batch, the spool as it will read back, and the Metadata entries appended.</summary>
public sealed record ComposedBatch(WorkbookBatch Batch, Spool After, IReadOnlyList<AuditEntry> Entries);

/// <summary>
/// Turns a decided <see cref="SpoolChange"/> into cells and Metadata rows (DOMAIN 1.5, 3.5, 6.1):
/// only cells whose value changes are written, counters (v4) and Estado_Detalle are recomputed here,
/// and every row of the command shares its id.
/// </summary>
public static class BatchComposer
{
    public static ComposedBatch Compose(CommandContext ctx, SpoolChange change, IReadOnlyDictionary<string, HeaderMap> headers)
    {
        var before = ctx.Spool;
        var after = change.After;
        if (!after.HasDataError) after = after with { EstadoDetalle = EstadoDetalle.Build(after) };

        var ops = headers[Sheets.Operaciones];
        var updates = new List<CellUpdate>();
        void Set(string column, object? oldValue, object? newValue)
        {
            if (Equals(oldValue, newValue) || !ops.Has(column)) return;
            updates.Add(new CellUpdate(Sheets.Operaciones, before.RowNumber, column, newValue));
        }

        Set(Col.FechaArmado, CellWriter.Date(before.FechaArmado), CellWriter.Date(after.FechaArmado));
        Set(Col.Armador, before.Armador, CellWriter.Text(after.Armador));
        Set(Col.FechaSoldadura, CellWriter.Date(before.FechaSoldadura), CellWriter.Date(after.FechaSoldadura));
        Set(Col.Soldador, before.Soldador, CellWriter.Text(after.Soldador));
        Set(Col.FechaQc, CellWriter.Date(before.FechaQc), CellWriter.Date(after.FechaQc));
        Set(Col.OcupadoPor, before.OcupadoPor, CellWriter.Text(after.OcupadoPor));
        Set(Col.FechaOcupacion, CellWriter.Timestamp(before.FechaOcupacion), CellWriter.Timestamp(after.FechaOcupacion));
        Set(Col.EstadoDetalle, before.EstadoDetalle, CellWriter.Text(after.EstadoDetalle));
        Set(Col.Notas, before.Notas, CellWriter.Text(after.Notas));

        if (after.Version == SpoolVersion.V4 && !after.HasDataError)
        {
            var stored = before.StoredCounters;
            var counters = SpoolCounters.From(after.Unions);
            Set(Col.TotalUniones, Number(stored.Total), Number(counters.Total));
            Set(Col.ArmCompletadas, Number(stored.ArmCompletadas), Number(counters.ArmCompletadas));
            Set(Col.SoldCompletadas, Number(stored.SoldCompletadas), Number(counters.SoldCompletadas));
            Set(Col.PulgadasArm, Pulgadas(stored.PulgadasArm), Pulgadas(counters.PulgadasArm));
            Set(Col.PulgadasSold, Pulgadas(stored.PulgadasSold), Pulgadas(counters.PulgadasSold));
            after = after with { StoredCounters = counters };
        }

        // Unions are matched by their row: a row gone from the after-list is deleted, a union without a row is appended (FLOOR F3).
        var afterByRow = after.Unions.Where(u => u.RowNumber > 0).ToDictionary(u => u.RowNumber);
        var unionHeader = headers[Sheets.Uniones];
        var deletes = new List<RowDelete>();
        var unionAppends = new List<RowAppend>();
        foreach (var old in before.Unions)
        {
            if (!afterByRow.TryGetValue(old.RowNumber, out var now))
            {
                deletes.Add(new RowDelete(Sheets.Uniones, old.RowNumber));
                continue;
            }
            void SetUnion(string column, object? a, object? b)
            {
                if (!Equals(a, b)) updates.Add(new CellUpdate(Sheets.Uniones, old.RowNumber, column, b));
            }
            SetUnion(Col.DnUnion, (double)old.Dn, (double)now.Dn);
            SetUnion(Col.TipoUnion, old.Tipo, CellWriter.Text(now.Tipo));
            SetUnion(Col.ArmInicio, CellWriter.Timestamp(old.ArmInicio), CellWriter.Timestamp(now.ArmInicio));
            SetUnion(Col.ArmFin, CellWriter.Timestamp(old.ArmFin), CellWriter.Timestamp(now.ArmFin));
            SetUnion(Col.ArmWorker, old.ArmWorker, CellWriter.Text(now.ArmWorker));
            SetUnion(Col.SolInicio, CellWriter.Timestamp(old.SolInicio), CellWriter.Timestamp(now.SolInicio));
            SetUnion(Col.SolFin, CellWriter.Timestamp(old.SolFin), CellWriter.Timestamp(now.SolFin));
            SetUnion(Col.SolWorker, old.SolWorker, CellWriter.Text(now.SolWorker));
        }
        foreach (var created in after.Unions.Where(u => u.RowNumber == 0))
        {
            var values = new Dictionary<string, object?>
            {
                [Col.NUnion] = (double)created.NUnion,
                [Col.TagSpool] = CellWriter.Text(before.Tag),
                [Col.DnUnion] = (double)created.Dn,
                [Col.TipoUnion] = CellWriter.Text(created.Tipo),
            };
            // ID and OT are expected columns: written when the sheet has them.
            if (unionHeader.Has(Col.Id)) values[Col.Id] = CellWriter.Text(Union.IdOf(before.Ot, created.NUnion));
            if (unionHeader.Has(Col.Ot)) values[Col.Ot] = CellWriter.Text(before.Ot);
            unionAppends.Add(new RowAppend(Sheets.Uniones, values));
        }

        var (appends, entries) = Audit(ctx, change, after);
        // The occupancy and state the decision was based on; a store that can, checks them on write.
        List<CellUpdate> expected =
        [
            new(Sheets.Operaciones, before.RowNumber, Col.OcupadoPor, before.OcupadoPor),
            new(Sheets.Operaciones, before.RowNumber, Col.EstadoDetalle, before.EstadoDetalle),
        ];
        // A deleted union row must still be that union, or the delete would hit another one.
        expected.AddRange(deletes.Select(d => new CellUpdate(Sheets.Uniones, d.RowNumber, Col.NUnion, (double)before.Unions.First(u => u.RowNumber == d.RowNumber).NUnion)));
        return new ComposedBatch(new WorkbookBatch(updates, [.. unionAppends, .. appends], headers, expected) { Deletes = deletes }, after, entries);
    }

    private static (List<RowAppend>, List<AuditEntry>) Audit(CommandContext ctx, SpoolChange change, Spool after)
    {
        var id = ctx.Request.CommandId.ToString("D");
        var timestamp = CellWriter.Timestamp(ctx.Now);
        var workerId = ctx.Worker?.Id ?? 0;
        var workerNombre = ctx.Worker?.Token ?? "SUPERVISOR";
        var appends = new List<RowAppend>();
        var entries = new List<AuditEntry>();
        foreach (var e in change.Events)
        {
            var json = e.Primary ? PrimaryJson(ctx, e.Json, after) : e.Json;
            if (ctx.Request.CapturadoOffline is not null || ctx.Request.Actor.RegistradoPor is not null) json = (JsonObject)json.DeepClone();
            // FLOOR F5: the device time of an action captured offline.
            if (ctx.Request.CapturadoOffline is { } captured)
                json["capturado_offline"] = captured.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            // FLOOR F2: a supervisor recording for a worker is named in every row of the command.
            if (ctx.Request.Actor.RegistradoPor is { } supervisor) json["registrado_por"] = supervisor;
            var text = CellWriter.Json(json);
            appends.Add(new RowAppend(Sheets.Metadata, new Dictionary<string, object?>
            {
                [Col.Id] = id,
                [Col.Timestamp] = timestamp,
                [Col.EventoTipo] = e.Evento,
                [Col.TagSpool] = CellWriter.Text(ctx.Spool.Tag),
                [Col.MetaWorkerId] = (double)workerId,
                [Col.WorkerNombre] = workerNombre,
                [Col.Operacion] = e.Operacion,
                [Col.Accion] = e.Accion,
                [Col.FechaOperacion] = CellWriter.Date(ctx.Today),
                [Col.MetadataJson] = text,
                [Col.NUnion] = e.NUnion is { } n ? (double)n : null,
            }));
            entries.Add(new AuditEntry(0, id, ctx.Now, e.Evento, e.Evento, ctx.Spool.Tag, workerId, workerNombre, e.Operacion, e.Accion,
                MetadataJson.Parse(text), e.NUnion, Legible: true));
        }
        return (appends, entries);
    }

    /// <summary>Every primary event also carries comando, estado_detalle and version_spool (DOMAIN 6.2).</summary>
    private static JsonObject PrimaryJson(CommandContext ctx, JsonObject specific, Spool after)
    {
        var json = new JsonObject { ["comando"] = ctx.Request.Type.ToString() };
        foreach (var (key, value) in specific) json[key] = value?.DeepClone();
        json["estado_detalle"] = after.EstadoDetalle;
        json["version_spool"] = after.Version.Label();
        return json;
    }

    private static object? Number(int? n) => n is { } v ? (double)v : null;
    private static object? Pulgadas(decimal? p) => p is { } v ? CellWriter.Pulgadas(v) : null;
}
