using System.Text.Json.Nodes;

namespace Zeues.Core.Reading;

/// <summary>One Metadata row as read, with older event names mapped to the current ones (DOMAIN 6.3).</summary>
public sealed record AuditEntry(
    int RowNumber,
    string? Id,
    DateTime? Timestamp,
    string EventoTipo,
    string? RawEventoTipo,
    string? Tag,
    int? WorkerId,
    string? WorkerNombre,
    string? Operacion,
    string? Accion,
    JsonObject? Json,
    int? NUnion,
    bool Legible)
{
    public string? JsonText(string key) => Json?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : Json?[key]?.ToJsonString();

    public decimal? JsonDecimal(string key) => Json?[key] is JsonValue v && v.TryGetValue<decimal>(out var d) ? d : null;

    public int? JsonInt(string key) => Json?[key] is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;

    public bool JsonBool(string key) => Json?[key] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
