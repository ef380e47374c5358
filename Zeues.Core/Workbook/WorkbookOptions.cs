using System.ComponentModel.DataAnnotations;

namespace Zeues.Core.Workbook;

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
