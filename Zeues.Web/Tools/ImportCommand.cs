using Zeues.Core;
using Zeues.Core.Setup;
using Zeues.Core.Workbook;
using Zeues.Core.Workbook.Sqlite;

namespace Zeues.Web.Tools;

/// <summary>
/// <c>import planilla.xlsx [--force]</c>: loads a .xlsx download of the plant spreadsheet into the
/// embedded workbook the app would open, so the plant can try ZEUES on its own data.
/// </summary>
internal static class ImportCommand
{
    public const string Usage = "Uso: dotnet run --project Zeues.Web -- import planilla.xlsx [--force]";

    public static async Task<int> RunAsync(string[] args)
    {
        var force = args.Contains("--force");
        var rest = args.Where(a => a != "--force").ToArray();
        if (rest is not [var file, ..] || file.StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (Locate(file) is not { } xlsx)
        {
            Console.Error.WriteLine($"No se importó {file}: el archivo no existe.");
            return 1;
        }
        var path = WorkbookPath(rest[1..]);
        try
        {
            var result = await XlsxImport.RunAsync(xlsx, new SqliteWorkbook(path), force);
            Print(file, result);
            return 0;
        }
        catch (Exception ex) when (ex is XlsxImportException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"No se importó {file}: {ex.Message}");
            return 1;
        }
    }

    /// <summary>
    /// <c>dotnet run --project Zeues.Web</c> starts the app in the project folder, not in the folder the
    /// command was typed in, so a relative name is looked up first from the shell's folder (PWD, which
    /// the shell exports and dotnet passes on), then from the current directory.
    /// </summary>
    private static string? Locate(string file)
    {
        var shell = Environment.GetEnvironmentVariable("PWD");
        string?[] candidates = [string.IsNullOrEmpty(shell) ? null : Path.GetFullPath(file, shell), Path.GetFullPath(file)];
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// The workbook file exactly as the app resolves it: the same builder, so appsettings, environment
    /// variables (<c>Zeues__Workbook__SqlitePath</c>) and command-line settings apply, relative to the same content root.
    /// </summary>
    private static string WorkbookPath(string[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = settings });
        var options = builder.Configuration.GetSection(WorkbookOptions.Section).Get<WorkbookOptions>() ?? new WorkbookOptions();
        return options.SqliteFullPath(builder.Environment.ContentRootPath);
    }

    private static void Print(string file, XlsxImportResult result)
    {
        Console.WriteLine($"Importado {file} en {result.WorkbookPath}");
        foreach (var (sheet, rows) in result.Rows)
        {
            var added = result.AddedColumns[sheet];
            var count = rows == 1 ? "1 fila" : $"{rows} filas";
            Console.WriteLine(added.Count == 0 ? $"  {sheet}: {count}" : $"  {sheet}: {count} (columnas agregadas: {string.Join(", ", added)})");
        }
        Console.WriteLine($"Spools: {result.Plant.Spools.Count}; trabajadores activos: {result.Plant.ActiveWorkers.Count()}");
        foreach (var (sheet, column) in result.Plant.Schema.Sheets.SelectMany(s => s.MissingCritical.Select(c => (s.Sheet, c))))
            Console.WriteLine($"ESQUEMA_INVALIDO: falta la columna {column} en {sheet}; ZEUES no escribirá hasta que exista.");

        var errors = result.DataErrors;
        Console.WriteLine(errors.Count == 0 ? "Errores de datos: ninguno" : $"Errores de datos: {errors.Count}");
        foreach (var e in errors.Take(MaxErrorsShown))
            Console.WriteLine($"  {e.Hoja} fila {e.Fila}, {e.Columna} «{e.Valor}»: {e.Descripcion}");
        if (errors.Count > MaxErrorsShown) Console.WriteLine($"  … y {errors.Count - MaxErrorsShown} más (ver /admin, ERRORES DE DATOS)");
    }

    /// <summary>Enough to see what kind of problems the data has; the admin view lists them all.</summary>
    private const int MaxErrorsShown = 20;
}
