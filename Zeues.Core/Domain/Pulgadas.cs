using System.Globalization;

namespace Zeues.Core.Domain;

/// <summary>How pulgadas-diámetro read on every screen, message and export: two decimals ("10.50").</summary>
public static class Pulgadas
{
    public static string Text(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
