using System.Globalization;

namespace Zeues.Core.Domain;

/// <summary>Section "Zeues:Turnos" (FLOOR F6): the plant's shift end times, HH:MM in plant time.</summary>
public sealed class TurnosOptions
{
    public const string Section = "Zeues:Turnos";

    public static readonly IReadOnlyList<string> DefaultFin = ["17:30"];

    /// <summary>
    /// Empty means the default: the configuration binder appends to a pre-filled list, so a default
    /// written here would stay in front of the plant's own times.
    /// </summary>
    public List<string> Fin { get; set; } = [];

    private IReadOnlyList<string> Effective => Fin.Count == 0 ? DefaultFin : Fin;

    /// <summary>The configured ends as times of day, in order.</summary>
    public IReadOnlyList<TimeOnly> Ends() =>
        Effective.Select(f => TimeOnly.ParseExact(f.Trim(), "HH:mm", CultureInfo.InvariantCulture)).Distinct().Order().ToList();

    public bool IsValid() =>
        Effective.All(f => TimeOnly.TryParseExact(f?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
}
