namespace Zeues.Web.Api;

/// <summary>
/// The supervisor identity of a request. The /admin cookie login arrives with the board issue; until
/// then no request carries a supervisor session, so supervisor commands are refused.
/// </summary>
public static class SupervisorSession
{
    public const string NameClaim = "zeues:supervisor";

    public static string? Name(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true ? http.User.FindFirst(NameClaim)?.Value : null;
}
