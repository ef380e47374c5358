using System.Net;
using System.Net.Http.Json;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Diagnostics;

/// <summary>The real app's <c>/metrics</c> in Prometheus text after a few commands over the API.</summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_exposes_the_named_series_after_a_few_commands()
    {
        await using var app = new AppServer();
        using var http = app.Http();
        async Task<HttpStatusCode> PostAsync(string tag, int worker) => (await http.PostAsJsonAsync("/api/commands",
            new { commandId = Guid.NewGuid(), type = "INICIAR", tag, workerId = worker, operacion = "ARM" })).StatusCode;
        Assert.Equal(HttpStatusCode.OK, await PostAsync(S1, NR));
        Assert.Equal(HttpStatusCode.Conflict, await PostAsync(S2, NR));

        var response = await http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();

        string[] series =
        [
            """zeues_command_duration_seconds_count{otel_scope_name="Zeues",zeues_command_outcome="INICIADO",zeues_command_type="INICIAR"}""",
            """zeues_command_duration_seconds_count{otel_scope_name="Zeues",zeues_command_outcome="SPOOL_OCUPADO",zeues_command_type="INICIAR"}""",
            """zeues_workbook_calls_total{otel_scope_name="Zeues",zeues_status="ok",zeues_workbook_call="apply"}""",
            """zeues_workbook_calls_total{otel_scope_name="Zeues",zeues_status="ok",zeues_workbook_call="read"}""",
            "zeues_workbook_duration_seconds_bucket{",
            "zeues_workbook_retries_total{",
            """zeues_redis_connected{otel_scope_name="Zeues",zeues_redis_configured="false"} 0""",
            "zeues_circuits_open{",
            """zeues_events_published_total{otel_scope_name="Zeues",zeues_transport="local"}""",
            """zeues_events_delivered_total{otel_scope_name="Zeues",zeues_hub="nodo"}""",
            "zeues_snapshot_age_seconds{",
            "http_server_request_duration_seconds_count{",
        ];
        Assert.All(series, s => Assert.Contains(s, text));
    }
}
