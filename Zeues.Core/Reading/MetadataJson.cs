using System.Text;
using System.Text.Json;

namespace Zeues.Core.Reading;

/// <summary>
/// A Metadata_JSON cell as its UTF-8 text, checked to be one JSON object when read and looked into
/// member by member on use. A node holds every Metadata row (100,000 at a large plant): a parsed
/// object per row cost several times its text, while the members ever asked for are a handful, on
/// the few rows a query keeps after filtering on the row's own columns.
/// </summary>
public readonly struct MetadataJson
{
    private readonly byte[]? _utf8;

    private MetadataJson(byte[] utf8) => _utf8 = utf8;

    /// <summary>An empty cell: every member reads as missing.</summary>
    public bool IsEmpty => _utf8 is null;

    /// <summary>The cell's text as one JSON object; false for anything else (an unreadable row).</summary>
    public static bool TryParse(string text, out MetadataJson json)
    {
        json = default;
        var utf8 = Encoding.UTF8.GetBytes(text);
        try
        {
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            reader.Skip();
            // A second value after the object is refused here, as a parser of one document does.
            if (reader.Read()) return false;
        }
        catch (JsonException)
        {
            return false;
        }
        json = new MetadataJson(utf8);
        return true;
    }

    /// <summary>JSON this node wrote itself (a command's own rows).</summary>
    public static MetadataJson Parse(string text) =>
        TryParse(text, out var json) ? json : throw new FormatException("Metadata_JSON is not one JSON object.");

    /// <summary>A string member as its text; any other value as its JSON ("105", "true", "[\"002+1\"]"); null when missing or null.</summary>
    public string? Text(string key)
    {
        if (!Find(key, out var reader)) return null;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartArray or JsonTokenType.StartObject:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return Encoding.UTF8.GetString(_utf8!, start, (int)reader.BytesConsumed - start);
            default:
                return Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    public decimal? Decimal(string key) =>
        Find(key, out var reader) && reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var d) ? d : null;

    public int? Int(string key) =>
        Find(key, out var reader) && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var i) ? i : null;

    public bool Bool(string key) => Find(key, out var reader) && reader.TokenType == JsonTokenType.True;

    /// <summary>The number of items of an array member; 0 when it is missing or not an array.</summary>
    public int Count(string key)
    {
        if (!Find(key, out var reader) || reader.TokenType != JsonTokenType.StartArray) return 0;
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            count++;
            reader.Skip();
        }
        return count;
    }

    /// <summary>The string items of an array member (other items are left out); empty when it is missing or not an array.</summary>
    public IReadOnlyList<string> Strings(string key)
    {
        if (!Find(key, out var reader) || reader.TokenType != JsonTokenType.StartArray) return [];
        var items = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String) items.Add(reader.GetString()!);
            else reader.Skip();
        }
        return items;
    }

    public override string ToString() => _utf8 is null ? "" : Encoding.UTF8.GetString(_utf8);

    /// <summary>Leaves the reader on the value of the first top-level member named <paramref name="key"/>.</summary>
    private bool Find(string key, out Utf8JsonReader reader)
    {
        reader = new Utf8JsonReader(_utf8);
        if (_utf8 is null || !reader.Read()) return false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(key);
            reader.Read();
            if (match) return true;
            reader.Skip();
        }
        return false;
    }
}
