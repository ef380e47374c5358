using System.ComponentModel.DataAnnotations;

namespace Zeues.Core.Domain;

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
