using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zeues.Core.Workbook.GoogleSheets;

// Typed shapes of the Sheets v4 resources ZEUES uses, field for field as in Google's discovery
// document (schemas Spreadsheet, Sheet, SheetProperties, GridProperties, BatchGetValuesResponse,
// ValueRange, BatchUpdateSpreadsheetRequest, Request, UpdateCellsRequest, AppendCellsRequest,
// AddSheetRequest, DeleteDimensionRequest, DimensionRange, AddNamedRangeRequest, DeleteNamedRangeRequest,
// NamedRange, GridRange, RowData, CellData, ExtendedValue, GridCoordinate, BatchUpdateSpreadsheetResponse).

public sealed record Spreadsheet(string? SpreadsheetId, IReadOnlyList<Sheet>? Sheets, IReadOnlyList<NamedRange>? NamedRanges = null);

public sealed record Sheet(SheetProperties? Properties);

public sealed record SheetProperties(int? SheetId, string? Title, int? Index, string? SheetType, GridProperties? GridProperties);

public sealed record GridProperties(int? RowCount, int? ColumnCount);

public sealed record BatchGetValuesResponse(string? SpreadsheetId, IReadOnlyList<ValueRange>? ValueRanges);

/// <summary>
/// Values are read straight into text, number, boolean or null: a JsonElement per cell would keep a
/// document per cell alive, and a whole-sheet read holds hundreds of thousands of cells.
/// </summary>
public sealed record ValueRange(string? Range, string? MajorDimension,
    [property: JsonConverter(typeof(CellRowsConverter))] IReadOnlyList<IReadOnlyList<object?>>? Values);

internal sealed class CellRowsConverter : JsonConverter<IReadOnlyList<IReadOnlyList<object?>>>
{
    public override IReadOnlyList<IReadOnlyList<object?>> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("values must be an array of rows");
        var rows = new List<IReadOnlyList<object?>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("a row must be an array");
            var cells = new List<object?>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                cells.Add(reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number => reader.GetDouble(),
                    JsonTokenType.True => true,
                    JsonTokenType.False => false,
                    JsonTokenType.Null => null,
                    _ => throw new JsonException("a cell must be a text, number or boolean"),
                });
            }
            rows.Add(cells);
        }
        return rows;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<IReadOnlyList<object?>> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var row in value)
        {
            writer.WriteStartArray();
            foreach (var cell in row) JsonSerializer.Serialize(writer, cell, cell?.GetType() ?? typeof(object), options);
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
    }
}

public sealed record BatchUpdateSpreadsheetRequest(IReadOnlyList<Request> Requests, bool? IncludeSpreadsheetInResponse = null);

public sealed record BatchUpdateSpreadsheetResponse(string? SpreadsheetId, IReadOnlyList<JsonElement>? Replies);

public sealed record Request(UpdateCellsRequest? UpdateCells = null, AppendCellsRequest? AppendCells = null, AddSheetRequest? AddSheet = null,
    DeleteDimensionRequest? DeleteDimension = null, AddNamedRangeRequest? AddNamedRange = null, DeleteNamedRangeRequest? DeleteNamedRange = null);

/// <summary>Adds a sheet; ZEUES sets the sheetId itself so later requests of the same batch can address it.</summary>
public sealed record AddSheetRequest(SheetProperties Properties);

public sealed record DeleteDimensionRequest(DimensionRange Range);

/// <summary>A span of rows: 0-based start inclusive, end exclusive.</summary>
public sealed record DimensionRange(int SheetId, string Dimension, int StartIndex, int EndIndex);

public sealed record AddNamedRangeRequest(NamedRange NamedRange);

public sealed record DeleteNamedRangeRequest(string NamedRangeId);

public sealed record NamedRange(string? NamedRangeId, string? Name, GridRange? Range);

public sealed record GridRange(int SheetId, int? StartRowIndex = null, int? EndRowIndex = null, int? StartColumnIndex = null, int? EndColumnIndex = null);

public sealed record UpdateCellsRequest(GridCoordinate Start, IReadOnlyList<RowData> Rows, string Fields);

public sealed record AppendCellsRequest(int SheetId, IReadOnlyList<RowData> Rows, string Fields);

public sealed record GridCoordinate(int SheetId, int RowIndex, int ColumnIndex);

public sealed record RowData(IReadOnlyList<CellData> Values);

/// <summary>A cell to write; a null value clears the cell (fields = userEnteredValue with nothing set).</summary>
public sealed record CellData(ExtendedValue? UserEnteredValue);

public sealed record ExtendedValue(string? StringValue = null, double? NumberValue = null, bool? BoolValue = null);

/// <summary>Google's error body: {"error": {"code", "message", "status"}}.</summary>
public sealed record GoogleErrorBody(GoogleError? Error);

public sealed record GoogleError(int Code, string? Message, string? Status);

internal static class SheetsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
