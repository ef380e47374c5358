using System.ComponentModel.DataAnnotations;

namespace Zeues.Core.Workbook.GoogleSheets;

/// <summary>Section "Zeues:GoogleSheets". Credentials never live in the repository.</summary>
public sealed class GoogleSheetsOptions
{
    public const string Section = "Zeues:GoogleSheets";
    public const string Scope = "https://www.googleapis.com/auth/spreadsheets";

    public string SpreadsheetId { get; set; } = "";

    /// <summary>Path of the service account's JSON key file; its token_uri is the OAuth token endpoint.</summary>
    public string? CredentialsFile { get; set; }

    /// <summary>The key file's content, for hosts that pass secrets as environment variables.</summary>
    public string? CredentialsJson { get; set; }

    /// <summary>Sheets API root; tests point it at the fake server.</summary>
    [Required]
    public string BaseUrl { get; set; } = "https://sheets.googleapis.com/";

    /// <summary>Timeout of one HTTP attempt.</summary>
    [Range(1, 300)]
    public double RequestTimeoutSeconds { get; set; } = 10;

    /// <summary>Bound on one call including its retries; past it the command gets ALMACEN_NO_DISPONIBLE.</summary>
    [Range(1, 600)]
    public double TotalTimeoutSeconds { get; set; } = 30;

    [Range(0, 20)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>First backoff delay; doubles per retry, with jitter.</summary>
    [Range(1, 60000)]
    public int RetryBaseDelayMs { get; set; } = 1000;

    /// <summary>Client-side write budget below Google's per-user quota (a project with a raised quota may set more).</summary>
    [Range(1, 1_000_000)]
    public int WritesPerMinute { get; set; } = 60;

    /// <summary>
    /// Client-side read budget of this node, well under Google's 60 read requests per minute per user
    /// (nodes sharing one service account share that quota). Commands are served first.
    /// </summary>
    [Range(1, 1_000_000)]
    public int ReadsPerMinute { get; set; } = 40;

    /// <summary>
    /// How long a command's marker (a named range keyed by its id, DOMAIN 6.4) is kept after it was
    /// written: a late copy of the batch arriving within this time is refused by Google as a whole.
    /// </summary>
    [Range(1, 10080)]
    public int CommandMarkerMinutes { get; set; } = 60;

    /// <summary>Background re-read of the spreadsheet (office edits), seconds; overrides Zeues:Snapshot:RefreshSeconds.</summary>
    [Range(1, 3600)]
    public int? RefreshSeconds { get; set; }
}
