namespace Zeues.Core.Workbook.Sqlite;

public sealed class SqliteWorkbookOptions
{
    /// <summary>Path of the workbook file; relative paths are taken from the content root.</summary>
    public string SqlitePath { get; set; } = "zeues.db";

    /// <summary>Seed the demo plant when the file is created.</summary>
    public bool SeedDemo { get; set; } = true;
}
