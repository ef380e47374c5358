using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Zeues.Core.Workbook;
using Zeues.Tests.Support;
using Zeues.Web.Offline;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Api;

/// <summary>FLOOR F5 replay endpoint: authorized only by the tablet credential, JSON only, worker from the credential, exactly once by id.</summary>
public sealed class TabletReplayTests : IAsyncLifetime
{
    private AppServer _app = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        // An API key is configured: the replay endpoint must not need it (no key ships to a page).
        _app = new AppServer(settings: new Dictionary<string, string?> { ["Zeues:Api:Key"] = "clave-de-integracion" });
        _http = _app.Http();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    private string CredentialFor(int workerId) => _app.Services.GetRequiredService<TabletCredential>().Issue(workerId);

    private async Task<(HttpStatusCode Status, JsonElement Body)> ReplayAsync(object body, string? credential, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tablet/commands")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, contentType),
        };
        if (credential is not null) request.Headers.Add(OfflineEndpoints.CredentialHeader, credential);
        var response = await _http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static object Iniciar(Guid id, string tag) => new { commandId = id, type = "INICIAR", tag, operacion = "ARM", capturadoEn = "2026-01-22T13:05:00Z" };

    [Fact]
    public async Task Without_a_credential_or_with_a_forged_one_nothing_runs()
    {
        var (none, body) = await ReplayAsync(Iniciar(Guid.NewGuid(), S1), null);
        Assert.Equal(HttpStatusCode.Unauthorized, none);
        Assert.Equal("CREDENCIAL_INVALIDA", body.GetProperty("code").GetString());

        var forged = CredentialFor(NR)[..^4] + "AAAA";
        Assert.Equal(HttpStatusCode.Unauthorized, (await ReplayAsync(Iniciar(Guid.NewGuid(), S1), forged)).Status);
        Assert.Equal(0, await MetadataRowsAsync(S1));
    }

    [Fact]
    public async Task Only_application_json_is_accepted()
    {
        var (status, _) = await ReplayAsync(Iniciar(Guid.NewGuid(), S1), CredentialFor(NR), "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Fact]
    public async Task The_worker_is_the_one_the_credential_was_issued_to_and_a_resend_is_recorded_once_with_the_capture_time()
    {
        var id = Guid.NewGuid();
        // A workerId in the body is ignored: the credential speaks for NR(94).
        var body = new { commandId = id, type = "INICIAR", tag = S1, operacion = "ARM", workerId = MR, capturadoEn = "2026-01-22T13:05:00Z" };

        var (first, answer) = await ReplayAsync(body, CredentialFor(NR));
        var (again, replay) = await ReplayAsync(body, CredentialFor(NR));

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal($"Spool {S1} iniciado: ARMADO por NR(94)", answer.GetProperty("mensaje").GetString());
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.True(replay.GetProperty("replay").GetBoolean());
        var rows = await MetadataJsonAsync(S1);
        var json = Assert.Single(rows);
        Assert.Equal("2026-01-22T13:05:00Z", json["capturado_offline"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_command_that_is_not_captured_offline_is_refused()
    {
        var (status, body) = await ReplayAsync(new { commandId = Guid.NewGuid(), type = "LIBERAR", tag = S2 }, CredentialFor(NR));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("DATOS_INVALIDOS", body.GetProperty("code").GetString());
    }

    private async Task<List<JsonObject>> MetadataJsonAsync(string tag)
    {
        var meta = (await new Zeues.Core.Workbook.Sqlite.SqliteWorkbook(_app.SqlitePath).ReadAsync([Sheets.Metadata]))[Sheets.Metadata];
        return meta.Rows.Where(r => CellReader.Text(meta.Get(r, Col.TagSpool)) == tag)
            .Select(r => (JsonObject)JsonNode.Parse(CellReader.Text(meta.Get(r, Col.MetadataJson))!)!).ToList();
    }

    private async Task<int> MetadataRowsAsync(string tag) => (await MetadataJsonAsync(tag)).Count;
}
