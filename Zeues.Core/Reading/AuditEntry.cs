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
    MetadataJson Json,
    int? NUnion,
    bool Legible)
{
    public string? JsonText(string key) => Json.Text(key);

    public decimal? JsonDecimal(string key) => Json.Decimal(key);

    public int? JsonInt(string key) => Json.Int(key);

    public bool JsonBool(string key) => Json.Bool(key);
}
