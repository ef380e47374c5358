using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Zeues.Web.Api;

/// <summary>
/// Who may call /api, the exports and /metrics (DOMAIN 8.1): the X-Api-Key, or a supervisor session
/// for the supervisor's own calls; with no key, only the Development demo is open.
/// </summary>
public sealed class ApiAccess(IOptions<ApiOptions> options, IHostEnvironment environment)
{
    public const string DisabledMessage = "La API está desactivada: define Zeues:Api:Key.";
    public const string InvalidKeyMessage = "Falta la clave de API (X-Api-Key) o no es válida.";

    /// <summary>The `dotnet run` demo: Development with no key configured.</summary>
    public bool IsOpen => string.IsNullOrEmpty(options.Value.Key) && environment.IsDevelopment();

    public bool Allows(HttpContext http) => IsOpen || HasKey(http) || SupervisorSession.Name(http) is not null;

    /// <summary>Pages offer the downloads only to whom the export endpoints will answer.</summary>
    public bool AllowsDownloads(ClaimsPrincipal? user) => IsOpen || SupervisorSession.Name(user) is not null;

    /// <summary>/metrics: the API key, or the scrape token as a bearer credential (Prometheus' <c>authorization</c>).</summary>
    public bool AllowsScrape(HttpContext http)
    {
        if (IsOpen || HasKey(http)) return true;
        var token = options.Value.ScrapeToken;
        var header = http.Request.Headers.Authorization.ToString();
        return !string.IsNullOrEmpty(token) && header.StartsWith("Bearer ", StringComparison.Ordinal) && SameSecret(header["Bearer ".Length..], token);
    }

    public IResult Refusal() => Results.Problem(
        title: string.IsNullOrEmpty(options.Value.Key) ? DisabledMessage : InvalidKeyMessage,
        statusCode: StatusCodes.Status401Unauthorized,
        extensions: new Dictionary<string, object?> { ["code"] = "API_KEY_INVALIDA", ["data"] = new Dictionary<string, object?>() });

    private bool HasKey(HttpContext http) =>
        !string.IsNullOrEmpty(options.Value.Key) && SameSecret(http.Request.Headers["X-Api-Key"].ToString(), options.Value.Key);

    private static bool SameSecret(string sent, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(expected));
}
