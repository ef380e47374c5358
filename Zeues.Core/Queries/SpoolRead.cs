using Zeues.Core.Domain;
using Zeues.Core.Reading;
using Zeues.Core.Workbook;

namespace Zeues.Core.Queries;

/// <summary>
/// What a command's targeted read found: the TAG's rows (raw and parsed), the header rows, and the
/// Metadata rows appended since the node's snapshot, or all of Metadata when its tail did not line up.
/// <see cref="Moved"/> says rows were no longer where the snapshot had them.
/// </summary>
public sealed record SpoolRead(
    string Tag,
    IReadOnlyList<Spool> Spools,
    IReadOnlyList<SheetRow> OperacionesRows,
    IReadOnlyList<SheetRow> UnionRows,
    IReadOnlyDictionary<string, HeaderMap> Headers,
    IReadOnlyList<AuditEntry> AuditTail,
    AuditLog? FullAudit,
    bool Moved);
