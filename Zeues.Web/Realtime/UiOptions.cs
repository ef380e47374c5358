using System.ComponentModel.DataAnnotations;

namespace Zeues.Web.Realtime;

/// <summary>Section "Zeues:Ui".</summary>
public sealed class UiOptions
{
    public const string Section = "Zeues:Ui";

    /// <summary>Seconds without touch or key input before ¿SIGUES AHÍ? (UX 3.3).</summary>
    [Range(5, 3600)]
    public int IdleSeconds { get; set; } = 120;

    /// <summary>Countdown of the ¿SIGUES AHÍ? dialog.</summary>
    [Range(3, 120)]
    public int IdleCountdownSeconds { get; set; } = 15;
}
