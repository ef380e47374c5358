namespace Zeues.Web.Api;

/// <summary>The supervisor identity carried by the /admin session cookie (its name is recorded with every supervisor action).</summary>
public static class SupervisorSession
{
    public const string NameClaim = "zeues:supervisor";

    public static string? Name(HttpContext http) => Name(http.User);

    public static string? Name(System.Security.Claims.ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirst(NameClaim)?.Value : null;
}
