using System.Text.Json;
using Zeues.Core.Workbook;
using Zeues.Core.Workbook.GoogleSheets;
using Zeues.Tests.Fakes;

namespace Zeues.Tests.GoogleSheets;

/// <summary>Every request body the client can send, walked against Google's discovery schemas.</summary>
public sealed class SheetsContractTests
{
    private static readonly DiscoverySchema Discovery = DiscoverySchema.Load();

    private static JsonElement Json<T>(T value) => JsonSerializer.SerializeToElement(value, new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    });

    [Fact]
    public void A_batch_with_every_cell_kind_and_appends_matches_the_batch_update_schema()
    {
        var header = new HeaderMap(["ID", "Texto", "Numero", "Bool", "Vacio"]);
        var batch = new WorkbookBatch(
            [
                new CellUpdate("Hoja", 2, "Texto", "22-01-2026 10:00:00"),
                new CellUpdate("Hoja", 2, "Numero", 10.5),
                new CellUpdate("Hoja", 2, "Bool", true),
                new CellUpdate("Hoja", 3, "Vacio", null),
                new CellUpdate("Hoja", 3, "Numero", 3m),
            ],
            [new RowAppend("Hoja", new Dictionary<string, object?> { ["ID"] = "x", ["Numero"] = 4d, ["Vacio"] = null })],
            new Dictionary<string, HeaderMap> { ["Hoja"] = header });

        var body = Json(SheetsRequests.Build(batch, new Dictionary<string, int> { ["Hoja"] = 7 }));

        Assert.Empty(Discovery.Validate("BatchUpdateSpreadsheetRequest", body));
        Assert.Equal(3, body.GetProperty("requests")[0].GetProperty("updateCells").GetProperty("start").GetProperty("columnIndex").GetInt32() + 2);
        Assert.Equal("22-01-2026 10:00:00", body.GetProperty("requests")[0].GetProperty("updateCells").GetProperty("rows")[0].GetProperty("values")[0]
            .GetProperty("userEnteredValue").GetProperty("stringValue").GetString());
        Assert.Equal(5, body.GetProperty("requests")[5].GetProperty("appendCells").GetProperty("rows")[0].GetProperty("values").GetArrayLength());
    }

    [Fact]
    public void The_validator_rejects_unknown_fields_wrong_types_and_bad_enums()
    {
        var unknown = JsonDocument.Parse("""{"requests":[{"updateCells":{"fields":"userEnteredValue","rowz":[]}}]}""").RootElement;
        var wrongType = JsonDocument.Parse("""{"requests":[{"appendCells":{"sheetId":"siete","fields":"x"}}]}""").RootElement;

        Assert.Contains(Discovery.Validate("BatchUpdateSpreadsheetRequest", unknown), v => v.Contains("rowz: unknown field"));
        Assert.Contains(Discovery.Validate("BatchUpdateSpreadsheetRequest", wrongType), v => v.Contains("sheetId: expected integer"));
        Assert.Contains(Discovery.ValidateQuery("spreadsheets.values", "batchGet", [new("valueRenderOption", "RAW_VALUE")]), v => v.Contains("enum"));
        Assert.Contains(Discovery.ValidateQuery("spreadsheets.values", "batchGet", [new("rango", "A1")]), v => v.Contains("unknown query parameter"));
    }

    [Fact]
    public void Response_shapes_the_client_reads_are_the_discovery_ones()
    {
        var response = Json(new BatchGetValuesResponse("id", [new ValueRange("'Hoja'!A1:B2", "ROWS", [[JsonDocument.Parse("1").RootElement]])]));
        var spreadsheet = Json(new Spreadsheet("id", [new Sheet(new SheetProperties(1, "Hoja", 0, "GRID", new GridProperties(1000, 26)))]));

        Assert.Empty(Discovery.Validate("BatchGetValuesResponse", response));
        Assert.Empty(Discovery.Validate("Spreadsheet", spreadsheet));
    }
}
