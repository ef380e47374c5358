using System.Globalization;
using System.Text.RegularExpressions;

namespace Zeues.Core.Domain;

/// <summary>The one token builder and reader (DOMAIN 2.1): "MR(93)"; identity is the Id in parentheses.</summary>
public static partial class WorkerToken
{
    public static string Build(string nombre, string apellido, int id) =>
        $"{Initial(nombre)}{Initial(apellido)}({id.ToString(CultureInfo.InvariantCulture)})";

    public static int? IdOf(string? token)
    {
        if (token is null) return null;
        var m = TrailingId().Match(token.Trim());
        return m.Success && int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    private static string Initial(string text)
    {
        var first = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return first.Length == 0 ? "" : first[..1].ToUpper(CultureInfo.GetCultureInfo("es-CL"));
    }

    [GeneratedRegex(@"\((\d+)\)$")]
    private static partial Regex TrailingId();
}
