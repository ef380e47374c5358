using Microsoft.Playwright;
using Zeues.Core.Workbook;
using Zeues.Core.Workbook.Sqlite;
using Zeues.Tests.E2E.Pages;
using Zeues.Tests.Support;

namespace Zeues.Tests.E2E.FlakyWifi;

/// <summary>A tablet identified as a worker on /trabajo, and what the workbook recorded.</summary>
internal static class Tablet
{
    public static async Task<(IPage Page, TrabajoPage Trabajo)> IdentifiedAsync(Chromium chromium, AppServer app, int worker)
    {
        var page = await chromium.OpenAsync(app.BaseAddress);
        await new IdentifyPage(page).ChooseAsync(worker);
        var trabajo = new TrabajoPage(page);
        await trabajo.WaitAsync();
        await trabajo.CurrentWorker.WaitForAsync();
        return (page, trabajo);
    }

    /// <summary>Metadata rows of one event type for one TAG, read from the server's workbook file.</summary>
    public static async Task<int> EventCountAsync(AppServer app, string evento, string tag)
    {
        var meta = (await new SqliteWorkbook(app.SqlitePath).ReadAsync([Sheets.Metadata]))[Sheets.Metadata];
        return meta.Rows.Count(r => CellReader.Text(meta.Get(r, Col.EventoTipo)) == evento && CellReader.Text(meta.Get(r, Col.TagSpool)) == tag);
    }

    /// <summary>A member of the Metadata JSON of the first row of that event for that TAG.</summary>
    public static async Task<string?> JsonAsync(AppServer app, string evento, string tag, string member)
    {
        var meta = (await new SqliteWorkbook(app.SqlitePath).ReadAsync([Sheets.Metadata]))[Sheets.Metadata];
        var row = meta.Rows.First(r => CellReader.Text(meta.Get(r, Col.EventoTipo)) == evento && CellReader.Text(meta.Get(r, Col.TagSpool)) == tag);
        return System.Text.Json.Nodes.JsonNode.Parse(CellReader.Text(meta.Get(row, Col.MetadataJson))!)?[member]?.GetValue<string>();
    }
}
