using System.Net;
using System.Text.RegularExpressions;

namespace Zeues.Tests.Support;

/// <summary>
/// A browser-less supervisor: the /admin form posts with their antiforgery token and its own cookie
/// jar (kept by hand, so Secure cookies given behind a TLS proxy are still sent back over the test's
/// plain loopback), optionally through a trusted proxy that forwards a client address and scheme.
/// </summary>
public sealed partial class AdminClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string? _forwardedFor;
    private readonly string? _forwardedProto;

    public AdminClient(Uri baseAddress, string? forwardedFor = null, string? forwardedProto = null)
    {
        _http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        _forwardedFor = forwardedFor;
        _forwardedProto = forwardedProto;
    }

    /// <summary>Cookie name → value, as a browser would hold them.</summary>
    public Dictionary<string, string> Cookies { get; } = [];

    /// <summary>The raw Set-Cookie headers of the last login answer.</summary>
    public IReadOnlyList<string> LastSetCookies { get; private set; } = [];

    /// <summary>Posts the login form; answers where it redirected: "/admin" on success, "/admin?error=…" otherwise.</summary>
    public async Task<string> LoginAsync(string nombre, string clave)
    {
        var token = await TokenAsync();
        using var request = Request(HttpMethod.Post, "/admin/login");
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["nombre"] = nombre, ["clave"] = clave,
        });
        using var response = await SendAsync(request);
        LastSetCookies = response.Headers.TryGetValues("Set-Cookie", out var cookies) ? [.. cookies] : [];
        return response.Headers.Location?.OriginalString ?? $"HTTP {(int)response.StatusCode}";
    }

    public async Task LogoutAsync()
    {
        using var request = Request(HttpMethod.Post, "/admin/logout");
        request.Content = new FormUrlEncodedContent([]);
        using var response = await SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>A call with the session cookie and no API key.</summary>
    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(Request(HttpMethod.Get, path));

    /// <summary>The supervisor cookie's value, to hand to another client (another tab, another node).</summary>
    public string? SessionCookie => Cookies.GetValueOrDefault("zeues.supervisor");

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (Cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await _http.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0];
            var name = pair[..pair.IndexOf('=')];
            var value = pair[(pair.IndexOf('=') + 1)..];
            // An expired cookie (sign-out) is removed, as a browser does.
            if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) Cookies.Remove(name);
            else Cookies[name] = value;
        }
        return response;
    }

    private async Task<string> TokenAsync()
    {
        using var response = await SendAsync(Request(HttpMethod.Get, "/admin"));
        var html = await response.Content.ReadAsStringAsync();
        return TokenField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no antiforgery token on /admin");
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        if (_forwardedFor is not null) request.Headers.Add("X-Forwarded-For", _forwardedFor);
        if (_forwardedProto is not null) request.Headers.Add("X-Forwarded-Proto", _forwardedProto);
        return request;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
