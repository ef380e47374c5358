using System.ComponentModel.DataAnnotations;

namespace Zeues.Core;

/// <summary>Section "Zeues".</summary>
public sealed class ZeuesOptions
{
    public const string Section = "Zeues";

    /// <summary>Plant time zone (IANA id): every written date and "today".</summary>
    [Required]
    public string TimeZone { get; set; } = "America/Santiago";

    /// <summary>Long-occupation threshold for the board, in hours.</summary>
    [Range(1, 240)]
    public int LongOccupationHours { get; set; } = 8;
}

/// <summary>Section "Zeues:Workbook".</summary>
public sealed class WorkbookOptions
{
    public const string Section = "Zeues:Workbook";

    [RegularExpression("^(Sqlite|GoogleSheets)$")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Embedded workbook file; relative to the content root.</summary>
    [Required]
    public string SqlitePath { get; set; } = "zeues.db";

    /// <summary>The workbook file's full path: a relative <see cref="SqlitePath"/> is taken from the content root.</summary>
    public string SqliteFullPath(string contentRoot) => Path.GetFullPath(SqlitePath, contentRoot);

    /// <summary>Seed the demo plant when the embedded workbook is created.</summary>
    public bool SeedDemo { get; set; } = true;

    /// <summary>DOMAIN 1.6: a failed batch is retried this many times (about 1 s, 2 s, 4 s with jitter).</summary>
    [Range(0, 10)]
    public int Retries { get; set; } = 3;

    [Range(1, 60000)]
    public int RetryBaseDelayMs { get; set; } = 1000;
}

/// <summary>Section "Zeues:Locks" (DOMAIN 1.6: 30 s lease, 5 s wait).</summary>
public sealed class LockOptions
{
    public const string Section = "Zeues:Locks";

    [Range(1, 300)]
    public int TtlSeconds { get; set; } = 30;

    [Range(0, 60)]
    public double WaitSeconds { get; set; } = 5;

    /// <summary>
    /// The lease must still have this long to run when a batch is sent (DOMAIN 1.6: a command that cannot
    /// finish its write within its lease sends nothing). At least one store request's timeout.
    /// </summary>
    [Range(0, 300)]
    public double WriteMarginSeconds { get; set; } = 10;
}

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
