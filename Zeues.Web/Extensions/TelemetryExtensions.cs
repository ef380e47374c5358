using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Zeues.Core.Diagnostics;
using Zeues.Web.Realtime;

namespace Zeues.Web.Extensions;

/// <summary>Logs, traces and metrics of the web host; Core only emits on the "Zeues" ActivitySource and Meter.</summary>
public static class TelemetryExtensions
{
    /// <summary>One JSON object per log line outside Development, so a log shipper keeps every field of the command line.</summary>
    public static WebApplicationBuilder AddZeuesLogging(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment()) return builder;
        // Scopes carry the TraceId/SpanId the host adds, which ties a workbook debug line to its command.
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        return builder;
    }

    /// <summary>OpenTelemetry: the Zeues source and meter plus ASP.NET Core; Prometheus always, OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.</summary>
    public static IServiceCollection AddZeuesTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("zeues"))
            .WithTracing(t => t
                .AddSource(ZeuesTelemetry.Name)
                // Blazor's long-lived circuit connection, static assets and scrapes would bury the command traces.
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/metrics") && !c.Request.Path.Value!.StartsWith("/_")))
            .WithMetrics(m => m
                .AddMeter(ZeuesTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) otel.UseOtlpExporter();
        return services;
    }

    /// <summary><c>/metrics</c> in Prometheus text format.</summary>
    public static WebApplication MapZeuesMetrics(this WebApplication app)
    {
        // The open-screens gauge belongs to the counter: create it now so it is exported before the first screen opens.
        app.Services.GetRequiredService<CircuitCounter>();
        // A scrape is answered only with the API key or the scrape token (DOMAIN 8.1 outside Development).
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/metrics"), metrics => metrics.Use(async (context, next) =>
        {
            var access = context.RequestServices.GetRequiredService<Api.ApiAccess>();
            if (access.AllowsScrape(context)) await next(context);
            else await access.Refusal().ExecuteAsync(context);
        }));
        app.MapPrometheusScrapingEndpoint();
        return app;
    }
}
