using System.Buffers;
using System.Text.Json;

namespace Zeues.Core.Workbook.GoogleSheets;

/// <summary>
/// Reads a values.batchGet answer from the response stream one buffer at a time, building each row as
/// its cells arrive. A full read of a large plant is tens of MB of JSON: buffered whole by HttpClient and
/// again by the serializer (which holds all of a converter's value before calling it), it left several
/// times its size of large-object buffers behind each full read, memory the process kept long after.
/// </summary>
internal sealed class BatchGetReader
{
    // Below the large-object threshold (85,000 bytes); grown only for a single token longer than it.
    private const int BufferSize = 64 * 1024;

    private readonly List<ValueRange> _ranges = [];
    private readonly List<object?> _cells = [];
    private string? _spreadsheetId;
    private string? _property;
    private bool _inRanges;
    private string? _range;
    private string? _majorDimension;
    private List<IReadOnlyList<object?>>? _values;
    private List<IReadOnlyList<object?>>? _rows;
    private bool _inRow;
    private bool _done;

    public static async Task<BatchGetValuesResponse> ReadAsync(Stream body, CancellationToken ct)
    {
        var reader = new BatchGetReader();
        var state = new JsonReaderState();
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var filled = 0;
            while (true)
            {
                var read = await body.ReadAsync(buffer.AsMemory(filled), ct);
                filled += read;
                var consumed = reader.Feed(buffer.AsSpan(0, filled), final: read == 0, ref state);
                if (read == 0) break;
                filled -= consumed;
                buffer.AsSpan(consumed, filled).CopyTo(buffer);
                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        if (!reader._done) throw new JsonException("the batchGet answer ended early");
        return new BatchGetValuesResponse(reader._spreadsheetId, reader._ranges);
    }

    /// <summary>Reads every whole token of <paramref name="data"/>; returns how many bytes they took.</summary>
    private int Feed(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state)
    {
        var json = new Utf8JsonReader(data, final, state);
        while (json.Read()) Token(ref json);
        state = json.CurrentState;
        return (int)json.BytesConsumed;
    }

    // Depths: 0 the answer, 1 its members, 2 a ValueRange, 3 its members, 4 a row of "values", 5 a cell.
    private void Token(ref Utf8JsonReader json)
    {
        var depth = json.CurrentDepth;
        if (_rows is not null && depth >= 4)
        {
            Values(ref json, depth);
            return;
        }
        switch (json.TokenType)
        {
            case JsonTokenType.PropertyName when depth == 1 || depth == 3 && _inRanges:
                _property = json.GetString();
                break;
            case JsonTokenType.String when depth == 1 && _property == "spreadsheetId":
                _spreadsheetId = json.GetString();
                break;
            case JsonTokenType.StartArray when depth == 1 && _property == "valueRanges":
                _inRanges = true;
                break;
            case JsonTokenType.EndArray when depth == 1:
                _inRanges = false;
                break;
            case JsonTokenType.StartObject when depth == 2 && _inRanges:
                (_range, _majorDimension, _values) = (null, null, null);
                break;
            case JsonTokenType.EndObject when depth == 2 && _inRanges:
                _ranges.Add(new ValueRange(_range, _majorDimension, _values));
                break;
            case JsonTokenType.String when depth == 3 && _inRanges && _property == "range":
                _range = json.GetString();
                break;
            case JsonTokenType.String when depth == 3 && _inRanges && _property == "majorDimension":
                _majorDimension = json.GetString();
                break;
            case JsonTokenType.StartArray when depth == 3 && _inRanges && _property == "values":
                _rows = [];
                break;
            case JsonTokenType.EndArray when depth == 3 && _rows is not null:
                (_values, _rows) = (_rows, null);
                break;
            case JsonTokenType.EndObject when depth == 0:
                _done = true;
                break;
        }
    }

    private void Values(ref Utf8JsonReader json, int depth)
    {
        switch (json.TokenType)
        {
            case JsonTokenType.StartArray when depth == 4:
                _inRow = true;
                break;
            case JsonTokenType.EndArray when depth == 4:
                // An exact array per row: the list grown cell by cell is reused for the next row.
                _rows!.Add(_cells.ToArray());
                _cells.Clear();
                _inRow = false;
                break;
            case var _ when depth == 4 || !_inRow:
                throw new JsonException("a row must be an array");
            case JsonTokenType.String:
                _cells.Add(json.GetString());
                break;
            case JsonTokenType.Number:
                _cells.Add(json.GetDouble());
                break;
            case JsonTokenType.True or JsonTokenType.False:
                _cells.Add(json.GetBoolean());
                break;
            case JsonTokenType.Null:
                _cells.Add(null);
                break;
            default:
                throw new JsonException("a cell must be a text, number or boolean");
        }
    }
}
