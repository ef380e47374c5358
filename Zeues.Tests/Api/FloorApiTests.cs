using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Api;

/// <summary>The second-wave command fields over HTTP (FLOOR F3, F4): DEFINIR_UNIONES needs the session, RECHAZADO needs a motivo.</summary>
public sealed class FloorApiTests : ApiServerTest
{
    protected override AppServer CreateServer() => AppServer.AtFixtureTime(out _);

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(object command)
    {
        var response = await _http.PostAsJsonAsync("/api/commands", command);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task Definir_uniones_without_the_supervisor_session_is_401_before_any_check()
    {
        var (status, body) = await PostAsync(new { commandId = Guid.NewGuid(), type = "DEFINIR_UNIONES", tag = S9, workerId = MR,
            uniones = new[] { new { n = 1, dn = 2.0, tipo = "BW" } } });

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("ROL_NO_AUTORIZADO", body.GetProperty("code").GetString());
        Assert.Equal("Esta acción requiere una sesión de supervisor.", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_rejection_needs_a_known_motivo_and_records_the_named_unions()
    {
        var (missing, _) = await PostAsync(new { commandId = Guid.NewGuid(), type = "METROLOGIA", tag = S6, workerId = JM, resultado = "RECHAZADO" });
        var (unknown, _) = await PostAsync(new { commandId = Guid.NewGuid(), type = "METROLOGIA", tag = S6, workerId = JM, resultado = "RECHAZADO", motivo = "FEO" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown);

        var (status, body) = await PostAsync(new { commandId = Guid.NewGuid(), type = "METROLOGIA", tag = S6, workerId = JM, resultado = "RECHAZADO",
            motivo = "FALTA_FUSION", detalle = "raíz sin fundir", unions = new[] { "006+1" } });

        Assert.Equal(HttpStatusCode.OK, status);
        var rechazo = body.GetProperty("spool").GetProperty("ultimoRechazo");
        Assert.Equal("FALTA_FUSION", rechazo.GetProperty("motivo").GetString());
        Assert.Equal("raíz sin fundir", rechazo.GetProperty("detalle").GetString());
        Assert.Equal(["006+1"], rechazo.GetProperty("uniones").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal("JM(96)", rechazo.GetProperty("inspector").GetString());
        Assert.Equal(1, rechazo.GetProperty("ciclo").GetInt32());
    }
}
