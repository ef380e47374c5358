using System.Globalization;
using System.Text.RegularExpressions;

namespace Zeues.Core.Workbook;

/// <summary>
/// The one cell parser (DOMAIN 1.4). Cells arrive unformatted: string, double, bool or null.
/// Parsers return false only for a non-empty value that cannot be read; an empty cell reads as null.
/// </summary>
public static partial class CellReader
{
    private static readonly DateTime SerialEpoch = new(1899, 12, 30);

    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["ene"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["abr"] = 4, ["may"] = 5,
        ["jun"] = 6, ["jul"] = 7, ["aug"] = 8, ["ago"] = 8, ["sep"] = 9, ["set"] = 9, ["oct"] = 10,
        ["nov"] = 11, ["dec"] = 12, ["dic"] = 12,
    };

    /// <summary>Trimmed text; null when empty. Integer-valued numbers read as their integer text.</summary>
    public static string? Text(object? raw)
    {
        var text = raw switch
        {
            null => null,
            string s => s,
            bool b => b ? "TRUE" : "FALSE",
            double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
            double d => d.ToString(CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => raw.ToString(),
        };
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        // One leading apostrophe comes from the formula guard (DOMAIN 1.5).
        if (text.StartsWith('\'')) text = text[1..].Trim();
        return text.Length == 0 ? null : text;
    }

    public static bool IsTrue(object? raw) => raw switch
    {
        bool b => b,
        _ => Text(raw) is { } t && (t.Equals("TRUE", StringComparison.OrdinalIgnoreCase) || t.Equals("VERDADERO", StringComparison.OrdinalIgnoreCase)),
    };

    public static bool TryDecimal(object? raw, out decimal? value)
    {
        value = null;
        switch (raw)
        {
            case null: return true;
            case double d when double.IsFinite(d): value = (decimal)d; return true;
            case double: return false;
            case bool: return false;
        }
        var text = Text(raw);
        if (text is null) return true;
        if (decimal.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }
        return false;
    }

    public static bool TryInteger(object? raw, out long? value)
    {
        value = null;
        if (!TryDecimal(raw, out var d)) return false;
        if (d is null) return true;
        if (d != decimal.Truncate(d.Value)) return false;
        value = (long)d.Value;
        return true;
    }

    /// <summary>A timestamp in plant wall-clock time (any accepted date format, time optional).</summary>
    public static bool TryTimestamp(object? raw, out DateTime? value)
    {
        value = null;
        // Only a numeric cell is a serial: numeric text such as "5" is unparseable (DOMAIN 1.4), not 04-01-1900.
        if (raw is double serial) return TrySerial(serial, out value);
        var text = Text(raw);
        if (text is null) return true;
        return TryText(text, out value);
    }

    /// <summary>A business date: a time part, if any, is ignored.</summary>
    public static bool TryDate(object? raw, out DateOnly? value)
    {
        value = null;
        if (!TryTimestamp(raw, out var ts)) return false;
        if (ts is { } t) value = DateOnly.FromDateTime(t);
        return true;
    }

    public static DateTime FromSerial(double serial) =>
        SerialEpoch.AddSeconds(Math.Round(serial * 86400d, MidpointRounding.AwayFromZero));

    public static double ToSerial(DateTime time) => (time - SerialEpoch).TotalDays;

    private static bool TrySerial(double serial, out DateTime? value)
    {
        value = null;
        if (!double.IsFinite(serial) || serial < 1 || serial > 2958465) return false;
        value = FromSerial(serial);
        return true;
    }

    private static bool TryText(string text, out DateTime? value)
    {
        value = null;
        int day, month, year;
        Match m;
        if ((m = DayFirst().Match(text)).Success)
        {
            day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        }
        else if ((m = DayFirstShortYear().Match(text)).Success)
        {
            day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            year = 2000 + int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        }
        else if ((m = IsoDate().Match(text)).Success)
        {
            year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        }
        else if ((m = MonthName().Match(text)).Success && Months.TryGetValue(m.Groups["mon"].Value, out month))
        {
            day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        }
        else return false;

        if (year is < 1900 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        var hour = m.Groups["h"].Success ? int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minute = m.Groups["min"].Success ? int.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture) : 0;
        var second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (hour > 23 || minute > 59 || second > 59) return false;
        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return true;
    }

    private const string TimePart = @"(?: (?<h>\d{1,2}):(?<min>\d{2})(?::(?<s>\d{2}))?)?$";

    // DD-MM-YYYY or DD/MM/YYYY: one separator throughout, a four-digit year.
    [GeneratedRegex(@"^(?<d>\d{1,2})(?<sep>[-/])(?<m>\d{1,2})\k<sep>(?<y>\d{4})" + TimePart)]
    private static partial Regex DayFirst();

    // DD/MM/YY is the only two-digit year the plant writes (year 20YY).
    [GeneratedRegex(@"^(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{2})" + TimePart)]
    private static partial Regex DayFirstShortYear();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?:[ T](?<h>\d{1,2}):(?<min>\d{2})(?::(?<s>\d{2}))?)?$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<d>\d{1,2})-(?<mon>[A-Za-z]{3})-(?<y>\d{4})" + TimePart)]
    private static partial Regex MonthName();
}
