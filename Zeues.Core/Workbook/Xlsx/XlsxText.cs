using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Zeues.Core.Workbook.Xlsx;

/// <summary>Text of a shared string item or an inline string: plain <c>t</c> or rich-text runs.</summary>
internal static partial class XlsxText
{
    /// <summary>
    /// Concatenates the item's own <c>t</c> and each run's <c>t</c>. Phonetic runs (<c>rPh</c>) are
    /// reading aids, not cell text, so they are skipped by only looking at direct children.
    /// </summary>
    public static string Of(XElement item)
    {
        var parts = item.Elements().SelectMany(e => e.Name.LocalName switch
        {
            "t" => [e],
            "r" => e.Elements().Where(t => t.Name.LocalName == "t"),
            _ => [],
        });
        return Unescape(string.Concat(parts.Select(t => t.Value)));
    }

    /// <summary>SpreadsheetML writes characters XML cannot hold (e.g. a carriage return) as <c>_xHHHH_</c>.</summary>
    private static string Unescape(string text) => text.Contains("_x", StringComparison.Ordinal)
        ? Escaped().Replace(text, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
        : text;

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex Escaped();
}
