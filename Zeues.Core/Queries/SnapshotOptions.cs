using System.ComponentModel.DataAnnotations;

namespace Zeues.Core.Queries;

/// <summary>Section "Zeues:Snapshot".</summary>
public sealed class SnapshotOptions
{
    public const string Section = "Zeues:Snapshot";

    /// <summary>Background refresh of Operaciones and Uniones (and the Metadata tail) that picks up edits made directly in the spreadsheet.</summary>
    [Range(1, 3600)]
    public int RefreshSeconds { get; set; } = 30;

    /// <summary>DOMAIN 1.6: Trabajadores and Roles change rarely; the timed refresh reads them only this often.</summary>
    [Range(1, 86400)]
    public int WorkersRefreshSeconds { get; set; } = 300;
}
