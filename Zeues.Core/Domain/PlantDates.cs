using System.Globalization;

namespace Zeues.Core.Domain;

/// <summary>
/// How the plant writes a date and a timestamp (DOMAIN 1.5), in plant time. The workbook's cell writer
/// and the messages that quote a time (SPOOL_OCUPADO "desde …") both use these, so they never differ.
/// </summary>
public static class PlantDates
{
    public const string DateFormat = "dd-MM-yyyy";
    public const string TimestampFormat = "dd-MM-yyyy HH:mm:ss";

    public static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string Timestamp(DateTime time) => time.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static string? Timestamp(DateTime? time) => time is { } t ? Timestamp(t) : null;
}
