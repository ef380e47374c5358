using System.Globalization;
using System.Text;

namespace Zeues.Core.Workbook;

/// <summary>DOMAIN 1.2: the one normalization applied to sheet headers and to the names ZEUES looks for.</summary>
public static class HeaderNormalizer
{
    public static string Normalize(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return "";
        var decomposed = header.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(ch) || ch is '_' or '/' or '.' or '°') continue;
            sb.Append(char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }

    /// <summary>"TAG_SPOOL / CODIGO_BARRA" also answers to the text before the first '/'.</summary>
    public static string? FirstPartAlias(string? header)
    {
        if (header is null) return null;
        var slash = header.IndexOf('/');
        if (slash <= 0) return null;
        var alias = Normalize(header[..slash]);
        return alias.Length == 0 ? null : alias;
    }
}
