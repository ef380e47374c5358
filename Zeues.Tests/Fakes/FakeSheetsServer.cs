using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Zeues.Core.Demo;
using Zeues.Core.Workbook;

namespace Zeues.Tests.Fakes;

/// <summary>
/// An in-process Sheets v4 server on Kestrel (Google is unreachable here). It speaks the v4 JSON of
/// the discovery document: OAuth token endpoint, spreadsheets.get, values.batchGet (unformatted,
/// serial dates) and an atomic spreadsheets.batchUpdate (updateCells, appendCells, addSheet,
/// deleteDimension on ROWS, addNamedRange, deleteNamedRange), answers errors in Google's error shape,
/// rejects bodies that break the discovery schema, and lets tests inject faults and count calls. As
/// Google, it validates every request of a batch before applying any: a named range whose name exists,
/// or a delete of a missing id, refuses the whole batch with 400 "Invalid requests[i].…".
/// <see cref="HoldThenApply"/> emulates the ambiguous write: Google keeps a request after the client
/// gave up, applies it, then answers an error or nothing.
/// </summary>
public sealed class FakeSheetsServer : IAsyncDisposable
{
    public const string SpreadsheetId = "fake-plant-spreadsheet";
    public const string AccessToken = "fake-access-token";

    private readonly WebApplication _app;
    private readonly DiscoverySchema _discovery = DiscoverySchema.Load();
    private readonly Lock _gate = new();
    private readonly Queue<(int Status, TimeSpan? RetryAfter, string? Method)> _faults = new();
    private readonly Queue<(TimeSpan Hold, int? Status)> _held = new();
    private List<FakeSheet> _sheets = [];
    private List<FakeNamedRange> _namedRanges = [];
    private int _nextNamedRangeId = 1000;

    private FakeSheetsServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public int Gets;
    public int BatchGets;
    public int BatchUpdates;
    public int TokenRequests;
    public int Rejected;
    public int FaultsServed;

    /// <summary>Added to every Sheets call (not the token endpoint).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>While set, calls of this method ("get", "batchGet", "batchUpdate", or "*") never answer until the client gives up.</summary>
    public string? HangOn { get; set; }

    /// <summary>The request kinds ("updateCells", "appendCells", "deleteDimension") of every valid batchUpdate received, in order.</summary>
    public List<IReadOnlyList<string>> BatchUpdateKinds { get; } = [];

    /// <summary>Schema violations seen in request bodies or queries (each also answered 400).</summary>
    public List<string> Violations { get; } = [];

    public static async Task<FakeSheetsServer> StartAsync(SheetRows? rows = null, bool datesAsSerials = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeSheetsServer(app);
        fake.Seed(rows ?? FixturePlant.Build(), datesAsSerials);
        app.MapPost("/token", (Func<HttpContext, Task<IResult>>)fake.TokenAsync);
        app.MapGet("/v4/spreadsheets/{id}", fake.GetAsync);
        app.MapGet("/v4/spreadsheets/{id}/values:batchGet", fake.BatchGetAsync);
        app.MapPost("/v4/spreadsheets/{id}:batchUpdate", fake.BatchUpdateAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>A service-account key file pointing its token_uri at this fake.</summary>
    public string CredentialsJson()
    {
        using var rsa = RSA.Create(2048);
        return new JsonObject
        {
            ["type"] = "service_account",
            ["project_id"] = "zeues-test",
            ["private_key_id"] = "test-key",
            ["private_key"] = rsa.ExportPkcs8PrivateKeyPem(),
            ["client_email"] = "zeues@zeues-test.iam.gserviceaccount.com",
            ["client_id"] = "1",
            ["token_uri"] = new Uri(BaseUrl, "token").ToString(),
        }.ToJsonString();
    }

    /// <summary>The next <paramref name="count"/> Sheets calls (optionally only "batchUpdate" or "batchGet") answer this status.</summary>
    public void Fail(int status, int count = 1, TimeSpan? retryAfter = null, string? method = null)
    {
        lock (_gate) for (var i = 0; i < count; i++) _faults.Enqueue((status, retryAfter, method));
    }

    /// <summary>
    /// The next <paramref name="count"/> batchUpdates are held <paramref name="hold"/> (the client's
    /// timeout or abort does not stop them), then applied, then answered with <paramref name="status"/>
    /// (e.g. 503) or, when null, never answered (the connection is dropped).
    /// </summary>
    public void HoldThenApply(TimeSpan hold, int? status, int count = 1)
    {
        lock (_gate) for (var i = 0; i < count; i++) _held.Enqueue((hold, status));
    }

    /// <summary>batchUpdates that were applied after being held (see <see cref="HoldThenApply"/>), and those refused then.</summary>
    public int LateApplied;
    public int LateRefused;

    public IReadOnlyList<string> NamedRangeNames()
    {
        lock (_gate) return _namedRanges.Select(r => r.Name).ToList();
    }

    /// <summary>Drops the faults not served yet.</summary>
    public void ClearFaults()
    {
        lock (_gate) _faults.Clear();
    }

    public bool HasSheet(string title)
    {
        lock (_gate) return _sheets.Any(s => s.Title == title);
    }

    public IReadOnlyList<IReadOnlyList<object?>> Rows(string sheet)
    {
        lock (_gate) return Sheet(sheet).Rows.Select(r => (IReadOnlyList<object?>)r.ToList()).ToList();
    }

    /// <summary>The office inserts a column: every row shifts right from <paramref name="index"/>.</summary>
    public void InsertColumn(string sheet, int index, string header)
    {
        lock (_gate)
        {
            var rows = Sheet(sheet).Rows;
            for (var r = 0; r < rows.Count; r++)
            {
                while (rows[r].Count < index) rows[r].Add(null);
                rows[r].Insert(index, r == 0 ? header : null);
            }
        }
    }

    /// <summary>The office adds a sheet with a header row (e.g. "Listas", which ZEUES never creates in Google).</summary>
    public void AddSheet(string title, IReadOnlyList<string> headers)
    {
        lock (_gate) _sheets.Add(new FakeSheet(_sheets.Max(s => s.Id) + 1, title, [headers.Cast<object?>().ToList()]));
    }

    public void RenameColumn(string sheet, string from, string to)
    {
        lock (_gate)
        {
            var header = Sheet(sheet).Rows[0];
            var index = new HeaderMap(header.Select(CellReader.Text).ToList()).IndexOf(from);
            if (index >= 0) header[index] = to;
        }
    }

    public async ValueTask DisposeAsync()
    {
        HangOn = null;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Seed(SheetRows rows, bool datesAsSerials)
    {
        var id = 100;
        foreach (var name in Sheets.All)
        {
            var header = WorkbookSchema.Template[name];
            var map = new HeaderMap(header.Cast<string?>().ToList());
            var sheet = new FakeSheet(id++, name, [header.Cast<object?>().ToList()]);
            foreach (var row in rows.GetValueOrDefault(name) ?? [])
            {
                var cells = new object?[header.Count];
                foreach (var (column, value) in row) cells[map.IndexOf(column)] = AsStored(value, datesAsSerials);
                sheet.Rows.Add([.. cells]);
            }
            _sheets.Add(sheet);
        }
    }

    /// <summary>Google keeps numbers as doubles; a date typed by the office comes back as a serial number.</summary>
    private static object? AsStored(object? value, bool datesAsSerials) => value switch
    {
        int i => (double)i,
        decimal m => (double)m,
        string s when datesAsSerials && s.Length >= 10 && char.IsDigit(s[0]) && CellReader.TryTimestamp(s, out var t) && t is { } time
            => CellReader.ToSerial(time),
        _ => value,
    };

    private FakeSheet Sheet(string title) => _sheets.First(s => s.Title == title);

    private async Task<IResult> TokenAsync(HttpContext http)
    {
        Interlocked.Increment(ref TokenRequests);
        var form = await http.Request.ReadFormAsync();
        if (form["grant_type"] != "urn:ietf:params:oauth:grant-type:jwt-bearer" || string.IsNullOrEmpty(form["assertion"]))
            return Results.Json(new { error = "invalid_grant", error_description = "assertion required" }, statusCode: 400);
        return Results.Json(new { access_token = AccessToken, expires_in = 3600, token_type = "Bearer" });
    }

    private async Task<IResult> GetAsync(HttpContext http, string id)
    {
        Interlocked.Increment(ref Gets);
        if (await GuardAsync(http, id, "get") is { } refusal) return refusal;
        var query = http.Request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v!)));
        if (Violated(_discovery.ValidateQuery("spreadsheets", "get", query)) is { } bad) return bad;
        lock (_gate)
        {
            // As Google, only the fields asked for come back.
            var fields = http.Request.Query["fields"].ToString();
            if (fields.StartsWith("namedRanges", StringComparison.Ordinal))
                return Results.Json(new { namedRanges = _namedRanges.Select(r => new { namedRangeId = r.Id, name = r.Name }) });
            return Results.Json(new
            {
                spreadsheetId = SpreadsheetId,
                sheets = _sheets.Select((s, index) => new
                {
                    properties = new
                    {
                        sheetId = s.Id, title = s.Title, index, sheetType = "GRID",
                        gridProperties = new { rowCount = Math.Max(1000, s.Rows.Count), columnCount = Math.Max(26, s.Rows.Select(r => r.Count).DefaultIfEmpty().Max()) },
                    },
                }),
            });
        }
    }

    private async Task<IResult> BatchGetAsync(HttpContext http, string id)
    {
        Interlocked.Increment(ref BatchGets);
        if (await GuardAsync(http, id, "batchGet") is { } refusal) return refusal;
        var query = http.Request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v!))).ToList();
        if (Violated(_discovery.ValidateQuery("spreadsheets.values", "batchGet", query)) is { } bad) return bad;
        if (http.Request.Query["valueRenderOption"] != "UNFORMATTED_VALUE" || http.Request.Query["dateTimeRenderOption"] != "SERIAL_NUMBER")
            return Error(400, "INVALID_ARGUMENT", "ZEUES must read unformatted values with serial dates");
        lock (_gate)
        {
            var ranges = new List<object>();
            foreach (var range in http.Request.Query["ranges"])
            {
                var title = range!.Trim('\'').Replace("''", "'");
                if (_sheets.All(s => s.Title != title)) return Error(400, "INVALID_ARGUMENT", $"Unable to parse range: {range}");
                var rows = Sheet(title).Rows;
                var last = rows.FindLastIndex(r => r.Any(c => c is not null));
                ranges.Add(new
                {
                    range = $"{range}!A1:{Column(rows.Select(r => r.Count).DefaultIfEmpty().Max())}{last + 1}",
                    majorDimension = "ROWS",
                    // Google trims trailing empty cells and leaves "" for empty cells in between.
                    values = rows.Take(last + 1).Select(r => r.Take(r.FindLastIndex(c => c is not null) + 1).Select(c => c ?? "").ToList()).ToList(),
                });
            }
            return Results.Json(new { spreadsheetId = SpreadsheetId, valueRanges = ranges });
        }
    }

    private async Task<IResult> BatchUpdateAsync(HttpContext http, string id)
    {
        Interlocked.Increment(ref BatchUpdates);
        if (await GuardAsync(http, id, "batchUpdate") is { } refusal) return refusal;
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(http.Request.Body);
        }
        catch (JsonException)
        {
            return Error(400, "INVALID_ARGUMENT", "Invalid JSON payload received.");
        }
        if (Violated(_discovery.Validate("BatchUpdateSpreadsheetRequest", body.RootElement)) is { } bad) return bad;
        (TimeSpan Hold, int? Status)? held = null;
        lock (_gate)
        {
            if (_held.TryDequeue(out var next)) held = next;
        }
        if (held is not { } h) return Apply(body.RootElement);

        // Google keeps working on a request the client stopped waiting for.
        await Task.Delay(h.Hold);
        var applied = Apply(body.RootElement);
        Interlocked.Increment(ref applied is IStatusCodeHttpResult { StatusCode: >= 400 } ? ref LateRefused : ref LateApplied);
        if (h.Status is { } status) return Error(status, status == 500 ? "INTERNAL" : "UNAVAILABLE", "The service is currently unavailable.");
        http.Abort();
        return Results.Empty;
    }

    private IResult Apply(JsonElement body)
    {
        lock (_gate)
        {
            BatchUpdateKinds.Add(body.GetProperty("requests").EnumerateArray()
                .Select(r => r.EnumerateObject().Select(p => p.Name).Single()).ToList());
            // Apply to a copy and swap: all requests land or none (Google's batchUpdate is atomic).
            var copy = _sheets.Select(s => s with { Rows = s.Rows.Select(r => r.ToList()).ToList() }).ToList();
            var named = _namedRanges.ToList();
            var replies = new List<object>();
            var index = -1;
            foreach (var request in body.GetProperty("requests").EnumerateArray())
            {
                index++;
                if (request.TryGetProperty("updateCells", out var update))
                {
                    var start = update.GetProperty("start");
                    var sheet = copy.FirstOrDefault(s => s.Id == start.GetProperty("sheetId").GetInt32());
                    if (sheet is null) return Error(400, "INVALID_ARGUMENT", $"Invalid requests[{index}].updateCells: No grid with id: {start.GetProperty("sheetId")}");
                    var rowIndex = start.GetProperty("rowIndex").GetInt32();
                    foreach (var row in update.GetProperty("rows").EnumerateArray())
                    {
                        var columnIndex = start.GetProperty("columnIndex").GetInt32();
                        while (sheet.Rows.Count <= rowIndex) sheet.Rows.Add([]);
                        foreach (var cell in row.GetProperty("values").EnumerateArray()) Put(sheet.Rows[rowIndex], columnIndex++, cell);
                        rowIndex++;
                    }
                    replies.Add(new { });
                }
                else if (request.TryGetProperty("appendCells", out var append))
                {
                    var sheet = copy.FirstOrDefault(s => s.Id == append.GetProperty("sheetId").GetInt32());
                    if (sheet is null) return Error(400, "INVALID_ARGUMENT", $"Invalid requests[{index}].appendCells: No grid with id: {append.GetProperty("sheetId")}");
                    foreach (var row in append.GetProperty("rows").EnumerateArray())
                    {
                        var last = sheet.Rows.FindLastIndex(r => r.Any(c => c is not null));
                        while (sheet.Rows.Count > last + 1) sheet.Rows.RemoveAt(sheet.Rows.Count - 1);
                        var cells = new List<object?>();
                        var column = 0;
                        foreach (var cell in row.GetProperty("values").EnumerateArray()) Put(cells, column++, cell);
                        sheet.Rows.Add(cells);
                    }
                    replies.Add(new { });
                }
                else if (request.TryGetProperty("addNamedRange", out var add))
                {
                    var range = add.GetProperty("namedRange");
                    var name = range.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
                    if (!ValidRangeName(name)) return Error(400, "INVALID_ARGUMENT", $"Invalid requests[{index}].addNamedRange: Invalid name: {name}");
                    if (named.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
                        return Error(400, "INVALID_ARGUMENT", $"Invalid requests[{index}].addNamedRange: A named range with name \"{name}\" already exists.");
                    var id = range.TryGetProperty("namedRangeId", out var given) ? given.GetString()! : (_nextNamedRangeId++).ToString();
                    if (named.Any(r => r.Id == id))
                        return Error(400, "INVALID_ARGUMENT", $"Invalid requests[{index}].addNamedRange: A named range with ID {id} already exists.");
                    if (!range.TryGetProperty("range", out var grid) || !grid.TryGetProperty("sheetId", out var gridSheet)
                        || copy.All(s => s.Id != gridSheet.GetInt32()))
                        return Error(400, "INVALID_ARGUMENT", $"Invalid requests[{index}].addNamedRange: No grid with id: {(grid.ValueKind == JsonValueKind.Object && grid.TryGetProperty("sheetId", out var g) ? g.ToString() : "0")}");
                    named.Add(new FakeNamedRange(id, name));
                    replies.Add(new { addNamedRange = new { namedRange = new { namedRangeId = id, name, range = JsonSerializer.Deserialize<JsonElement>(grid.GetRawText()) } } });
                }
                else if (request.TryGetProperty("deleteNamedRange", out var delete))
                {
                    var id = delete.TryGetProperty("namedRangeId", out var d) ? d.GetString() : null;
                    if (named.RemoveAll(r => r.Id == id) == 0)
                        return Error(400, "INVALID_ARGUMENT", $"Invalid requests[{index}].deleteNamedRange: No NamedRange with id: {id}");
                    replies.Add(new { });
                }
                else if (request.TryGetProperty("addSheet", out var addSheet))
                {
                    var properties = addSheet.GetProperty("properties");
                    var title = properties.GetProperty("title").GetString()!;
                    // ZEUES must choose the id: the requests after addSheet in the same batch address it.
                    if (!properties.TryGetProperty("sheetId", out var newId)) return Error(400, "INVALID_ARGUMENT", "ZEUES must set the new sheet's sheetId");
                    if (copy.Any(s => s.Title == title))
                        return Error(400, "INVALID_ARGUMENT", $"Invalid requests: A sheet with the name \"{title}\" already exists. Please enter another name.");
                    if (copy.Any(s => s.Id == newId.GetInt32()))
                        return Error(400, "INVALID_ARGUMENT", $"Invalid requests: Sheet with id {newId.GetInt32()} already exists.");
                    copy.Add(new FakeSheet(newId.GetInt32(), title, []));
                    replies.Add(new { addSheet = new { properties = new { sheetId = newId.GetInt32(), title } } });
                }
                else if (request.TryGetProperty("deleteDimension", out var deleteDimension))
                {
                    var range = deleteDimension.GetProperty("range");
                    var sheet = copy.FirstOrDefault(s => s.Id == range.GetProperty("sheetId").GetInt32());
                    if (sheet is null) return Error(400, "INVALID_ARGUMENT", "No grid with id");
                    if (range.GetProperty("dimension").GetString() != "ROWS") return Error(400, "INVALID_ARGUMENT", "Only ROWS in this fake");
                    var start = range.GetProperty("startIndex").GetInt32();
                    var end = range.GetProperty("endIndex").GetInt32();
                    if (start < 0 || end <= start || end > Math.Max(1000, sheet.Rows.Count))
                        return Error(400, "INVALID_ARGUMENT", "Invalid requests: deleteDimension range out of the grid");
                    if (start < sheet.Rows.Count) sheet.Rows.RemoveRange(start, Math.Min(end, sheet.Rows.Count) - start);
                    replies.Add(new { });
                }
                else return Error(400, "INVALID_ARGUMENT", "Unsupported request kind in this fake");
            }
            _sheets = copy;
            _namedRanges = named;
            return Results.Json(new { spreadsheetId = SpreadsheetId, replies });
        }
    }

    /// <summary>Google's rules for a range name: letters, digits, underscores (and periods); not starting with a digit; not TRUE/FALSE or a cell reference.</summary>
    private static bool ValidRangeName(string name) =>
        name.Length is > 0 and <= 250
        && (char.IsLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '.')
        && !name.Equals("TRUE", StringComparison.OrdinalIgnoreCase) && !name.Equals("FALSE", StringComparison.OrdinalIgnoreCase)
        && !System.Text.RegularExpressions.Regex.IsMatch(name, "^([A-Za-z]{1,3}[0-9]+|[Rr][0-9]+[Cc][0-9]+)$");

    private static void Put(List<object?> row, int column, JsonElement cell)
    {
        while (row.Count <= column) row.Add(null);
        row[column] = cell.TryGetProperty("userEnteredValue", out var v)
            ? v.TryGetProperty("stringValue", out var s) ? s.GetString()
            : v.TryGetProperty("numberValue", out var n) ? n.GetDouble()
            : v.TryGetProperty("boolValue", out var b) ? b.GetBoolean()
            : null
            : null;
    }

    private async Task<IResult?> GuardAsync(HttpContext http, string id, string method)
    {
        if (http.Request.Headers.Authorization.ToString() != $"Bearer {AccessToken}")
            return Error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.");
        if (id != SpreadsheetId) return Error(404, "NOT_FOUND", "Requested entity was not found.");
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency, http.RequestAborted);
        while (HangOn is { } hang && (hang == "*" || hang == method)) await Task.Delay(50, http.RequestAborted);
        // A client that gave up on a hung call is gone: the call is dropped, never applied late (HoldThenApply is the late-applied mode).
        http.RequestAborted.ThrowIfCancellationRequested();
        (int Status, TimeSpan? RetryAfter, string? Method)? fault = null;
        lock (_gate)
        {
            if (_faults.TryPeek(out var next) && (next.Method is null || next.Method == method)) fault = _faults.Dequeue();
        }
        if (fault is not { } f) return null;
        Interlocked.Increment(ref FaultsServed);
        if (f.RetryAfter is { } after) http.Response.Headers.RetryAfter = ((int)after.TotalSeconds).ToString();
        return f.Status switch
        {
            400 => Error(400, "INVALID_ARGUMENT", "Invalid requests[0]: injected fault"),
            401 => Error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials."),
            403 => Error(403, "PERMISSION_DENIED", "The caller does not have permission"),
            429 => Error(429, "RESOURCE_EXHAUSTED", "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user'"),
            500 => Error(500, "INTERNAL", "Internal error encountered."),
            _ => Error(f.Status, "UNAVAILABLE", "The service is currently unavailable."),
        };
    }

    private IResult? Violated(IReadOnlyList<string> violations)
    {
        if (violations.Count == 0) return null;
        lock (_gate) Violations.AddRange(violations);
        Interlocked.Increment(ref Rejected);
        return Error(400, "INVALID_ARGUMENT", "Invalid JSON payload received. " + string.Join("; ", violations));
    }

    private static IResult Error(int code, string status, string message) =>
        Results.Json(new { error = new { code, message, status } }, statusCode: code);

    private static string Column(int count)
    {
        var name = "";
        for (var n = Math.Max(count, 1); n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private sealed record FakeSheet(int Id, string Title, List<List<object?>> Rows);

    private sealed record FakeNamedRange(string Id, string Name);
}
