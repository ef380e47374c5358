using System.Globalization;

namespace Zeues.Core.Reports;

/// <summary>Section "Zeues:ParteDiario" (FLOOR F6): when the day's report is written, plant time.</summary>
public sealed class ParteDiarioOptions
{
    public const string Section = "Zeues:ParteDiario";

    public string Hora { get; set; } = "23:50";

    public TimeOnly At => TimeOnly.ParseExact(Hora.Trim(), "HH:mm", CultureInfo.InvariantCulture);

    public bool IsValid() => TimeOnly.TryParseExact(Hora?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
