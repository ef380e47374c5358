using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Api;

public sealed class ApiTests : ApiServerTest
{

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(object command)
    {
        var response = await _http.PostAsJsonAsync("/api/commands", command);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string url)
    {
        var response = await _http.GetAsync(url);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static void AssertProblem(JsonElement body, string code, string titleStart)
    {
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.StartsWith(titleStart, body.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Object, body.GetProperty("data").ValueKind);
        Assert.DoesNotContain("Exception", body.GetRawText());
        Assert.DoesNotContain("   at ", body.GetRawText());
    }

    [Fact]
    public async Task Workers_lists_only_active_workers_with_tokens_and_roles()
    {
        var (status, body) = await GetAsync("/api/workers");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["CP(95)", "JM(96)", "JP(97)", "MR(93)", "NR(94)"], body.EnumerateArray().Select(w => w.GetProperty("token").GetString()));
        Assert.Contains("Metrologia", body[1].GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Spools_serves_each_picker_list_and_the_mine_list()
    {
        var (_, arm) = await GetAsync("/api/spools?operacion=ARM&accion=INICIAR");
        Assert.Equal(S3, arm.GetProperty("items")[0].GetProperty("tag").GetString());
        var (_, mine) = await GetAsync($"/api/spools?operacion=ARM&accion=MIS&workerId={MR}");
        Assert.Equal([S2, S8], mine.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("tag").GetString()));
        var (status, bad) = await GetAsync("/api/spools?operacion=PINTURA");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        AssertProblem(bad, "DATOS_INVALIDOS", "Datos no válidos");
    }

    [Fact]
    public async Task An_unknown_tag_is_a_404_problem_in_spanish()
    {
        var (status, body) = await GetAsync("/api/spools/NO-EXISTE");
        Assert.Equal(HttpStatusCode.NotFound, status);
        AssertProblem(body, "SPOOL_NO_ENCONTRADO", "No se encontró el spool NO-EXISTE. Verifica el TAG.");
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/api/spools/NO-EXISTE/history")).Status);
    }

    [Fact]
    public async Task A_curl_session_walks_a_v4_spool_from_iniciar_to_aprobado_with_history()
    {
        async Task Ok(object command, string outcome)
        {
            var (status, body) = await PostAsync(command);
            Assert.True(status == HttpStatusCode.OK, body.GetRawText());
            Assert.Equal(outcome, body.GetProperty("outcome").GetString());
        }

        await Ok(new { commandId = Guid.NewGuid(), type = "INICIAR", tag = S1, workerId = NR, operacion = "ARM" }, "INICIADO");
        await Ok(new { commandId = Guid.NewGuid(), type = "FINALIZAR", tag = S1, workerId = NR, operacion = "ARM", unions = new[] { "001+1", "001+2", "001+3", "001+4" } }, "COMPLETADO");
        await Ok(new { commandId = Guid.NewGuid(), type = "INICIAR", tag = S1, workerId = CP, operacion = "SOLD" }, "INICIADO");
        await Ok(new { commandId = Guid.NewGuid(), type = "FINALIZAR", tag = S1, workerId = CP, operacion = "SOLD", unions = new[] { "001+1", "001+2", "001+3" } }, "COMPLETADO");
        await Ok(new { commandId = Guid.NewGuid(), type = "METROLOGIA", tag = S1, workerId = JM, resultado = "APROBADO" }, "APROBADO");

        var (_, history) = await GetAsync($"/api/spools/{S1}/history");
        Assert.Equal(["COMPLETADO", "COMPLETADO"], history.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("result").GetString()));
        Assert.Contains(history.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("texto").GetString() == "Metrología APROBADO");
        Assert.Equal("APROBADO", history.GetProperty("spool").GetProperty("displayState").GetString());
    }

    [Fact]
    public async Task Command_errors_are_problem_details_with_code_title_and_data()
    {
        var (status, body) = await PostAsync(new { commandId = Guid.NewGuid(), type = "INICIAR", tag = S2, workerId = NR, operacion = "ARM" });
        Assert.Equal(HttpStatusCode.Conflict, status);
        AssertProblem(body, "SPOOL_OCUPADO", $"El spool {S2} ya está ocupado por MR(93).");
        Assert.Equal("MR(93)", body.GetProperty("data").GetProperty("ocupante").GetString());

        (status, body) = await PostAsync(new { commandId = Guid.NewGuid(), type = "PAUSAR", tag = S2, workerId = MR, operacion = "ARM" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertProblem(body, "VERSION_INCOMPATIBLE", $"El spool {S2} tiene uniones (v4.0): usa FINALIZAR");

        (status, body) = await PostAsync(new { commandId = Guid.NewGuid(), type = "INICIAR", tag = S1, workerId = 98, operacion = "ARM" });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        AssertProblem(body, "WORKER_INACTIVO", "El trabajador 98 no está activo.");

        (status, body) = await PostAsync(new { commandId = Guid.NewGuid(), type = "BAILAR", tag = S1, workerId = NR });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        AssertProblem(body, "DATOS_INVALIDOS", "Datos no válidos");
    }

    [Fact]
    public async Task Malformed_json_never_leaks_parser_text()
    {
        var response = await _http.PostAsync("/api/commands", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.DoesNotContain("Exception", text);
        Assert.Contains("DATOS_INVALIDOS", text);
    }

    [Fact]
    public async Task A_replayed_command_id_returns_the_first_outcome_without_writing()
    {
        var command = new { commandId = Guid.NewGuid(), type = "INICIAR", tag = S1, workerId = NR, operacion = "ARM" };
        var first = await PostAsync(command);
        var again = await PostAsync(command);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.False(first.Body.GetProperty("replay").GetBoolean());
        Assert.True(again.Body.GetProperty("replay").GetBoolean());
        Assert.Equal(first.Body.GetProperty("mensaje").GetString(), again.Body.GetProperty("mensaje").GetString());
        Assert.Equal("NR(94) trabajando ARM (ARM en progreso, SOLD pendiente)", again.Body.GetProperty("estadoDetalle").GetString());
        Assert.Equal("EN_PROGRESO", again.Body.GetProperty("displayState").GetString());
        Assert.Equal(first.Body.GetProperty("estadoDetalle").GetString(), again.Body.GetProperty("estadoDetalle").GetString());
        Assert.Equal(first.Body.GetProperty("displayState").GetString(), again.Body.GetProperty("displayState").GetString());
    }

    [Fact]
    public async Task Acciones_lists_each_operation_and_action_with_what_the_command_would_answer_now()
    {
        var (status, body) = await GetAsync($"/api/spools/{S2}/acciones?workerId={MR}");

        Assert.Equal(HttpStatusCode.OK, status);
        var entries = body.EnumerateArray().ToList();
        Assert.Equal(10, entries.Count);
        Assert.All(entries, e => Assert.Equal(["operacion", "accion", "permitida", "code", "mensaje"], e.EnumerateObject().Select(p => p.Name)));
        var finalizar = entries.Single(e => e.GetProperty("operacion").GetString() == "ARM" && e.GetProperty("accion").GetString() == "FINALIZAR");
        Assert.True(finalizar.GetProperty("permitida").GetBoolean());
        Assert.Equal(JsonValueKind.Null, finalizar.GetProperty("code").ValueKind);
        var iniciar = entries.Single(e => e.GetProperty("operacion").GetString() == "ARM" && e.GetProperty("accion").GetString() == "INICIAR");
        Assert.False(iniciar.GetProperty("permitida").GetBoolean());

        var (commandStatus, answer) = await PostAsync(new { commandId = Guid.NewGuid(), type = "INICIAR", tag = S2, workerId = MR, operacion = "ARM" });
        Assert.Equal(HttpStatusCode.Conflict, commandStatus);
        Assert.Equal(answer.GetProperty("code").GetString(), iniciar.GetProperty("code").GetString());
        Assert.Equal(answer.GetProperty("title").GetString(), iniciar.GetProperty("mensaje").GetString());
    }

    [Fact]
    public async Task Acciones_answers_404_for_an_unknown_tag_or_worker()
    {
        var (status, body) = await GetAsync($"/api/spools/NO-EXISTE/acciones?workerId={MR}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        AssertProblem(body, "SPOOL_NO_ENCONTRADO", "No se encontró el spool NO-EXISTE.");

        (status, body) = await GetAsync($"/api/spools/{S1}/acciones?workerId={Unknown}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        AssertProblem(body, "WORKER_NO_ENCONTRADO", "No se encontró el trabajador con ID 99.");
    }

    [Fact]
    public async Task Without_a_critical_column_spools_and_dashboard_answer_esquema_invalido_instead_of_rows()
    {
        await new Zeues.Core.Workbook.Sqlite.SqliteWorkbook(_app.SqlitePath).RenameColumnAsync("Operaciones", "Ocupado_Por", "Ocupante");
        await _app.Services.GetRequiredService<Zeues.Core.Queries.SnapshotCache>().ReloadAsync();

        foreach (var url in new[] { "/api/spools?operacion=ARM&accion=INICIAR", $"/api/spools?operacion=ARM&accion=MIS&workerId={MR}", "/api/dashboard" })
        {
            var (status, body) = await GetAsync(url);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            AssertProblem(body, "ESQUEMA_INVALIDO", "Falta la columna \"Ocupado_Por\" en la hoja Operaciones.");
            Assert.Equal("Ocupado_Por", body.GetProperty("data").GetProperty("columna").GetString());
        }
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/workers")).Status);
    }

    [Fact]
    public async Task A_batch_iniciar_answers_one_result_per_tag_with_the_summary()
    {
        var (status, body) = await PostAsync(new { commandId = Guid.NewGuid(), type = "INICIAR", tags = new[] { S1, S2, S18 }, workerId = NR, operacion = "ARM" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2 de 3 spools iniciados (1 con error)", body.GetProperty("resumen").GetString());
        Assert.Equal("SPOOL_OCUPADO", body.GetProperty("results")[1].GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Two_batch_starts_of_one_tag_without_a_command_id_both_execute()
    {
        var (_, first) = await PostAsync(new { type = "INICIAR", tags = new[] { S1 }, workerId = NR, operacion = "ARM" });
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(new { commandId = Guid.NewGuid(), type = "CANCELAR", tag = S1, workerId = NR, operacion = "ARM" })).Status);
        var (status, second) = await PostAsync(new { type = "INICIAR", tags = new[] { S1 }, workerId = NR, operacion = "ARM" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("1 de 1 spools iniciados", first.GetProperty("resumen").GetString());
        Assert.Equal("1 de 1 spools iniciados", second.GetProperty("resumen").GetString());
        Assert.False(second.GetProperty("results")[0].GetProperty("outcome").GetProperty("replay").GetBoolean());
    }

    [Fact]
    public async Task Supervisor_commands_answer_401_without_a_supervisor_session()
    {
        var (status, body) = await PostAsync(new { commandId = Guid.NewGuid(), type = "LIBERAR", tag = S2, texto = "turno terminado" });
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("ROL_NO_AUTORIZADO", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_dashboard_endpoint_serves_the_board_snapshot()
    {
        var (status, body) = await GetAsync("/api/dashboard");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(40, body.GetProperty("total").GetInt32());
        Assert.Equal("MR(93)", body.GetProperty("occupied")[0].GetProperty("token").GetString());
    }
}

public sealed class ApiKeyTests
{
    [Fact]
    public async Task With_an_api_key_configured_every_api_call_needs_it()
    {
        await using var app = new AppServer(settings: new Dictionary<string, string?> { ["Zeues:Api:Key"] = "secreto" });
        using var http = app.Anonymous();

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/workers")).StatusCode);
        http.DefaultRequestHeaders.Add("X-Api-Key", "secreto");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/workers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await new HttpClient { BaseAddress = app.BaseAddress }.GetAsync("/health")).StatusCode);
    }
}
