using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Zeues.Web.Extensions;

/// <summary>Section "Zeues:Proxy": running behind a TLS reverse proxy (README "Detrás de un proxy TLS").</summary>
public sealed class ProxyOptions
{
    public const string Section = "Zeues:Proxy";

    /// <summary>Take the client address and scheme from X-Forwarded-For / X-Forwarded-Proto (only from the proxies below).</summary>
    public bool ForwardedHeaders { get; set; }

    /// <summary>Addresses of the proxies whose headers are believed; loopback is always believed.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. 10.0.0.0/24) of the proxies whose headers are believed.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

public static class ProxyExtensions
{
    /// <summary>
    /// With the proxy's headers the login throttle sees the real client address and a request that
    /// arrived over HTTPS gets Secure cookies. Off by default: believing them without a proxy would let
    /// anyone choose their own address.
    /// </summary>
    public static WebApplication UseZeuesForwardedHeaders(this WebApplication app)
    {
        var proxy = app.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        if (!proxy.ForwardedHeaders) return app;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto };
        foreach (var address in proxy.KnownProxies) options.KnownProxies.Add(IPAddress.Parse(address));
        foreach (var network in proxy.KnownNetworks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        app.UseForwardedHeaders(options);
        return app;
    }
}
