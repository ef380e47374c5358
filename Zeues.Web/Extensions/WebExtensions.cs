using System.Text.Json.Serialization;
using MudBlazor.Services;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Zeues.Web.Admin;
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
        // UX 4.4: outcome snackbars at the top centre for 4 s; errors pass RequireInteraction and stay until closed.
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.TopCenter;
            o.SnackbarConfiguration.VisibleStateDuration = 4000;
        });
        services.AddScoped<WorkerSession>();
        services.AddScoped<Work.WorkActions>();
        services.AddScoped<CommandActivity>();
        services.AddScoped<PendingCommand>();
        services.AddScoped<IdleState>();
        services.AddSingleton<Offline.TabletCredential>();
        services.AddSingleton<CircuitCounter>();
        services.AddScoped<CircuitTracker>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<CircuitTracker>());
        services.AddOptions<UiOptions>().BindConfiguration(UiOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // API
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        services.AddSingleton<ApiAccess>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails();

        // Keys protecting the supervisor cookie and tab storage: shared by every node through a folder or Redis
        var keys = services.AddDataProtection().SetApplicationName("zeues");
        if (configuration["Zeues:DataProtection:KeysPath"] is { Length: > 0 } keysPath) keys.PersistKeysToFileSystem(new DirectoryInfo(keysPath));
        else if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis")))
            services.AddOptions<KeyManagementOptions>().Configure<Core.Coordination.Redis.RedisConnection, ILoggerFactory>((o, redis, logs) =>
                o.XmlRepository = new RedisKeyRing(redis, logs.CreateLogger<RedisKeyRing>()));

        // Supervisor session (cookie) for /admin and supervisor commands
        services.AddOptions<SupervisorOptions>().BindConfiguration(SupervisorOptions.Section).ValidateDataAnnotations()
            .PostConfigure<IHostEnvironment>((o, env) =>
            {
                if (string.IsNullOrWhiteSpace(o.PasswordHash) && env.IsDevelopment()) o.PasswordHash = SupervisorOptions.DemoPasswordHash;
            })
            .Validate<IHostEnvironment>((o, env) => SupervisorOptions.IsAllowed(o.PasswordHash, env.IsDevelopment(), configuration["Zeues:Workbook:Provider"]),
                SupervisorOptions.MissingHashMessage)
            .ValidateOnStart();
        services.AddSingleton<InProcessAdminState>();
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis"))) services.AddSingleton<IAdminState>(sp => sp.GetRequiredService<InProcessAdminState>());
        else services.AddSingleton<IAdminState, RedisAdminState>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<SupervisorSessions>();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "zeues.supervisor";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the request came over HTTPS (directly, or through a proxy with forwarded headers).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Zeues:Supervisor:IdleMinutes", 15));
            o.SlidingExpiration = true;
            o.LoginPath = "/admin";
            // The API answers 401 instead of redirecting to the login page.
            o.Events.OnRedirectToLogin = c =>
            {
                c.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
            // A cookie whose session ended (logout elsewhere, idle) is no session, on any node.
            o.Events.OnValidatePrincipal = async c =>
            {
                if (await c.HttpContext.RequestServices.GetRequiredService<SupervisorSessions>().IsLiveAsync(c.Principal)) return;
                c.RejectPrincipal();
                await c.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            };
        });
        // The login form's token cookie too: Secure over HTTPS (its default is never Secure).
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();

        // Health and telemetry
        services.AddHealthChecks().AddCheck<WorkbookHealthCheck>("workbook").AddCheck<CoordinationHealthCheck>("redis");
        services.AddZeuesTelemetry(configuration);
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
