using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Api;

/// <summary>DOMAIN 8.1 and the request limits: what /api/commands refuses before it looks at any spool.</summary>
public sealed class CommandLimitsTests : ApiServerTest
{

    private static object Iniciar(string tag) => new { commandId = Guid.NewGuid(), type = "INICIAR", tag, workerId = NR, operacion = "ARM" };

    private static async Task<(HttpStatusCode Status, string Code, string Title)> ReadAsync(HttpResponseMessage response)
    {
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (response.StatusCode, body.GetProperty("code").GetString()!, body.GetProperty("title").GetString()!);
    }

    [Fact]
    public async Task A_command_sent_as_text_plain_is_refused_with_415_and_nothing_is_written()
    {
        var json = JsonSerializer.Serialize(Iniciar(S1));

        var (status, code, title) = await ReadAsync(await _http.PostAsync("/api/commands", new StringContent(json, Encoding.UTF8, "text/plain")));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("DATOS_INVALIDOS", code);
        Assert.Equal("Datos no válidos: el comando debe enviarse como JSON (Content-Type: application/json).", title);
        var spool = await _http.GetFromJsonAsync<JsonElement>($"/api/spools/{S1}");
        Assert.Equal(JsonValueKind.Null, spool.GetProperty("occupant").ValueKind);
    }

    [Fact]
    public async Task A_form_post_is_refused_with_415()
    {
        var response = await _http.PostAsync("/api/commands", new FormUrlEncodedContent(new Dictionary<string, string> { ["type"] = "INICIAR" }));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_64_KB_is_refused_with_413()
    {
        var padding = new string('a', 70 * 1024);
        var json = JsonSerializer.Serialize(new { commandId = Guid.NewGuid(), type = "NOTA", tag = S3, workerId = NR, texto = padding });

        var (status, code, title) = await ReadAsync(await _http.PostAsync("/api/commands", new StringContent(json, Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("DATOS_INVALIDOS", code);
        Assert.Equal("Datos no válidos: el comando supera los 64 KB permitidos.", title);
    }

    [Fact]
    public async Task A_chunked_body_over_64_KB_without_a_length_is_refused_with_413_too()
    {
        var json = JsonSerializer.Serialize(new { commandId = Guid.NewGuid(), type = "NOTA", tag = S3, workerId = NR, texto = new string('a', 70 * 1024) });
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/commands") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_tag_of_101_characters_is_invalid_input_and_one_of_100_is_looked_up()
    {
        var (status, code, title) = await ReadAsync(await _http.PostAsJsonAsync("/api/commands", Iniciar(new string('T', 101))));
        Assert.Equal((HttpStatusCode)422, status);
        Assert.Equal("DATOS_INVALIDOS", code);
        Assert.Equal("Datos no válidos: el TAG tiene más de 100 caracteres.", title);

        var (status100, code100, _) = await ReadAsync(await _http.PostAsJsonAsync("/api/commands", Iniciar(new string('T', 100))));
        Assert.Equal(HttpStatusCode.NotFound, status100);
        Assert.Equal("SPOOL_NO_ENCONTRADO", code100);
    }

    [Fact]
    public async Task More_than_200_unions_are_invalid_input_before_the_spool_is_read()
    {
        var unions = Enumerable.Range(1, 201).Select(i => $"999+{i}").ToArray();

        var (status, code, title) = await ReadAsync(await _http.PostAsJsonAsync("/api/commands",
            new { commandId = Guid.NewGuid(), type = "FINALIZAR", tag = "NO-EXISTE", workerId = MR, operacion = "ARM", unions }));

        Assert.Equal((HttpStatusCode)422, status);
        Assert.Equal("DATOS_INVALIDOS", code);
        Assert.Equal("Datos no válidos: se pueden enviar hasta 200 uniones por comando.", title);
    }

    [Fact]
    public async Task A_batch_start_of_51_tags_or_with_a_null_tag_is_invalid_input_and_starts_nothing()
    {
        var many = Enumerable.Range(1, 51).Select(i => $"TAG-{i}").ToArray();
        var (status, code, _) = await ReadAsync(await _http.PostAsJsonAsync("/api/commands",
            new { commandId = Guid.NewGuid(), type = "INICIAR", tags = many, workerId = NR, operacion = "ARM" }));
        Assert.Equal((HttpStatusCode)422, status);
        Assert.Equal("DATOS_INVALIDOS", code);

        var (nullStatus, nullCode, nullTitle) = await ReadAsync(await _http.PostAsJsonAsync("/api/commands",
            new { commandId = Guid.NewGuid(), type = "INICIAR", tags = new[] { S1, null }, workerId = NR, operacion = "ARM" }));
        Assert.Equal((HttpStatusCode)422, nullStatus);
        Assert.Equal("DATOS_INVALIDOS", nullCode);
        Assert.Equal("Datos no válidos: hay un TAG vacío en la lista.", nullTitle);
        var spool = await _http.GetFromJsonAsync<JsonElement>($"/api/spools/{S1}");
        Assert.Equal(JsonValueKind.Null, spool.GetProperty("occupant").ValueKind);
    }
}
