using System.Text.Json.Serialization;
using MudBlazor.Services;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Zeues.Web.Api;
using Zeues.Web.Realtime;

namespace Zeues.Web.Extensions;

public static class WebExtensions
{
    /// <summary>Blazor Server with MudBlazor, the HTTP API's JSON and errors, and health checks.</summary>
    public static IServiceCollection AddZeuesWeb(this IServiceCollection services, IConfiguration configuration)
    {
        // UI
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddScoped<WorkerSession>();
        services.AddScoped<Work.WorkActions>();
        services.AddScoped<CommandActivity>();
        services.AddSingleton<CircuitCounter>();
        services.AddScoped<CircuitTracker>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<CircuitTracker>());
        services.AddOptions<UiOptions>().BindConfiguration(UiOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // API
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails();

        // Health
        services.AddHealthChecks().AddCheck<WorkbookHealthCheck>("workbook").AddCheck<CoordinationHealthCheck>("redis");
        return services;
    }

    /// <summary>Any unhandled failure answers ERROR_INTERNO with a reference that is in the log; never exception text.</summary>
    public static WebApplication UseZeuesErrors(this WebApplication app)
    {
        app.UseExceptionHandler(error => error.Run(ErrorResults.WriteInternalErrorAsync));
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        return app;
    }
}
