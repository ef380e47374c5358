using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zeues.Core.Domain;

namespace Zeues.Core.Workbook;

/// <summary>
/// The one cell formatter (DOMAIN 1.5). Dates and timestamps are written as text in plant time so
/// the sheet shows exactly what ZEUES means; they read back through <see cref="CellReader"/>.
/// </summary>
public static class CellWriter
{
    public static string Date(DateOnly date) => PlantDates.Date(date);

    public static string Timestamp(DateTime time) => PlantDates.Timestamp(time);

    /// <summary>An empty cell for no date.</summary>
    public static string? Date(DateOnly? date) => date is { } d ? Date(d) : null;

    public static string? Timestamp(DateTime? time) => PlantDates.Timestamp(time);

    /// <summary>Compact day stamp used in Notas lines: YYYYMMDD.</summary>
    public static string DayStamp(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Pulgadas are stored rounded to 2 decimals, half away from zero.</summary>
    public static double Pulgadas(decimal value) => (double)Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>Metadata_JSON: compact UTF-8 text the office can read ("002+1", "Metrología"), not \u-escaped.</summary>
    public static string Json(JsonNode json) => json.ToJsonString(JsonText);

    private static readonly JsonSerializerOptions JsonText = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Formula guard: text that a spreadsheet would evaluate gets a leading apostrophe.</summary>
    public static string? Text(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        return text[0] is '=' or '+' or '-' or '@' ? "'" + text : text;
    }
}
