using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zeues.Core.Workbook.GoogleSheets;

// Typed shapes of the Sheets v4 resources ZEUES uses, field for field as in Google's discovery
// document (schemas Spreadsheet, Sheet, SheetProperties, GridProperties, BatchGetValuesResponse,
// ValueRange, BatchUpdateSpreadsheetRequest, Request, UpdateCellsRequest, AppendCellsRequest,
// RowData, CellData, ExtendedValue, GridCoordinate, DeleteDimensionRequest, DimensionRange, BatchUpdateSpreadsheetResponse).

public sealed record Spreadsheet(string? SpreadsheetId, IReadOnlyList<Sheet>? Sheets);

public sealed record Sheet(SheetProperties? Properties);

public sealed record SheetProperties(int? SheetId, string? Title, int? Index, string? SheetType, GridProperties? GridProperties);

public sealed record GridProperties(int? RowCount, int? ColumnCount);

public sealed record BatchGetValuesResponse(string? SpreadsheetId, IReadOnlyList<ValueRange>? ValueRanges);

public sealed record ValueRange(string? Range, string? MajorDimension, IReadOnlyList<IReadOnlyList<JsonElement>>? Values);

public sealed record BatchUpdateSpreadsheetRequest(IReadOnlyList<Request> Requests, bool? IncludeSpreadsheetInResponse = null);

public sealed record BatchUpdateSpreadsheetResponse(string? SpreadsheetId, IReadOnlyList<JsonElement>? Replies);

public sealed record Request(UpdateCellsRequest? UpdateCells = null, AppendCellsRequest? AppendCells = null, DeleteDimensionRequest? DeleteDimension = null);

/// <summary>Removes rows [StartIndex, EndIndex) of a sheet (zero-based, end exclusive); rows below move up.</summary>
public sealed record DeleteDimensionRequest(DimensionRange Range);

public sealed record DimensionRange(int SheetId, string Dimension, int StartIndex, int EndIndex);

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
