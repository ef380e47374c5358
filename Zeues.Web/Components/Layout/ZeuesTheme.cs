using MudBlazor;

namespace Zeues.Web.Components.Layout;

/// <summary>UX 2.1: dark navy with orange accents; orange always carries navy text.</summary>
public static class ZeuesTheme
{
    public const string Navy = "#001F3F";
    public const string Orange = "#FF5B00";

    public static readonly MudTheme Theme = new()
    {
        PaletteDark = new PaletteDark
        {
            Background = Navy,
            AppbarBackground = Navy,
            AppbarText = "#FFFFFF",
            Surface = "#04264A",
            DrawerBackground = "#04264A",
            Primary = Orange,
            PrimaryContrastText = Navy,
            Secondary = "#4FC3F7",
            SecondaryContrastText = Navy,
            TextPrimary = "#FFFFFF",
            TextSecondary = "#C9D6E3",
            LinesDefault = "#8FA6BF",
            Success = "#2ECC71",
            SuccessContrastText = Navy,
            Error = "#FF6B6B",
            ErrorContrastText = Navy,
            Warning = "#FFC107",
            WarningContrastText = Navy,
            Info = "#4FC3F7",
            InfoContrastText = Navy,
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "4px" },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Helvetica", "Arial", "sans-serif"], FontSize = "18px" },
            Button = new ButtonTypography { FontFamily = ["JetBrains Mono", "Roboto Mono", "monospace"], FontWeight = "700", FontSize = "20px", LetterSpacing = "0.08em" },
        },
    };
}
