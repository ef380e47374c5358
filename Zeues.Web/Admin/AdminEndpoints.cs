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
        app.MapPost("/admin/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/admin");
        });
        return app;
    }

    private static async Task<IResult> LoginAsync(HttpContext http, IOptions<SupervisorOptions> options, LoginThrottle throttle, IAntiforgery antiforgery)
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
        if (throttle.IsBlocked) return Results.LocalRedirect("/admin?error=bloqueado");
        if (nombre.Length is < 2 or > 80) return Results.LocalRedirect("/admin?error=nombre");
        if (!SupervisorPassword.Verify(clave, options.Value.PasswordHash))
        {
            throttle.Failed();
            return Results.LocalRedirect("/admin?error=clave");
        }
        throttle.Succeeded();
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, nombre), new Claim(SupervisorSession.NameClaim, nombre)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect("/admin");
    }
}
