namespace Zeues.Core.Workbook;

/// <summary>
/// Column lookup by header name, rebuilt from the header row on every read (DOMAIN 1.2):
/// columns are never found by position, so a column inserted or moved by the office changes nothing.
/// </summary>
public sealed class HeaderMap
{
    private readonly Dictionary<string, int> _full = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _alias = new(StringComparer.Ordinal);

    public HeaderMap(IReadOnlyList<string?> headers)
    {
        Headers = headers;
        var duplicates = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            var key = HeaderNormalizer.Normalize(headers[i]);
            if (key.Length == 0) continue;
            if (!_full.TryAdd(key, i)) duplicates.Add(headers[i]!.Trim());
            if (HeaderNormalizer.FirstPartAlias(headers[i]) is { } alias) _alias.TryAdd(alias, i);
        }
        Duplicates = duplicates;
    }

    public IReadOnlyList<string?> Headers { get; }

    /// <summary>Headers that normalize to a key already taken by a column to their left.</summary>
    public IReadOnlyList<string> Duplicates { get; }

    public int Count => Headers.Count;

    /// <summary>Zero-based column index, or -1. An exact full-form match wins over a first-part alias.</summary>
    public int IndexOf(string name)
    {
        var key = HeaderNormalizer.Normalize(name);
        if (_full.TryGetValue(key, out var index)) return index;
        return _alias.TryGetValue(key, out index) ? index : -1;
    }

    public bool Has(string name) => IndexOf(name) >= 0;

    public IEnumerable<string> Missing(IEnumerable<string> names) => names.Where(n => !Has(n));
}
