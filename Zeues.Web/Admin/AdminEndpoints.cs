using Microsoft.AspNetCore.Antiforgery;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Zeues.Web.Api;

namespace Zeues.Web.Admin;

/// <summary>Supervisor login and logout: plain form posts, so the session cookie is set by an HTTP response.</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapZeuesAdmin(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/login", LoginAsync);
        app.MapPost("/admin/logout", async (HttpContext http, SupervisorSessions sessions) =>
        {
            // Ends the session on every node and every open /admin circuit, not just this browser's cookie.
            await sessions.EndAsync(http.User);
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/admin");
        });
        return app;
    }

    private static async Task<IResult> LoginAsync(HttpContext http, IOptions<SupervisorOptions> options, LoginThrottle throttle, SupervisorSessions sessions,
        IAntiforgery antiforgery)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.LocalRedirect("/admin?error=formulario");
        }
        var form = await http.Request.ReadFormAsync();
        var nombre = form["nombre"].ToString().Trim();
        var clave = form["clave"].ToString();
        if (nombre.Length is < 2 or > 80) return Results.LocalRedirect("/admin?error=nombre");
        // Counted before the hash: a blocked address or name never costs a PBKDF2 run.
        var address = http.Connection.RemoteIpAddress;
        if (!await throttle.TryBeginAsync(address, nombre)) return Results.LocalRedirect("/admin?error=bloqueado");
        if (!SupervisorPassword.Verify(clave, options.Value.PasswordHash)) return Results.LocalRedirect("/admin?error=clave");
        await throttle.SucceededAsync(address, nombre);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, nombre), new Claim(SupervisorSession.NameClaim, nombre), new Claim(SupervisorSessions.IdClaim, await sessions.StartAsync())],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect("/admin");
    }
}
