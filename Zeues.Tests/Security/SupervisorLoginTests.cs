using System.Net;
using Zeues.Tests.Support;
using Zeues.Web.Admin;

namespace Zeues.Tests.Security;

/// <summary>UX 4.8 and DOMAIN 2.3: the /admin login throttle and the server-side session, across nodes through Redis.</summary>
public sealed class SupervisorLoginTests
{
    // Client addresses come from X-Forwarded-For through the trusted loopback proxy: documentation addresses (RFC 5737), never contacted.
    private const string AddressA = "192.0.2.1", AddressB = "192.0.2.2", AddressC = "192.0.2.3";

    private static Dictionary<string, string?> Node(string prefix) => new()
    {
        ["ConnectionStrings:Redis"] = RedisServer.Shared,
        ["Zeues:Redis:Prefix"] = prefix,
        ["Zeues:Proxy:ForwardedHeaders"] = "true",
    };

    [Fact]
    public async Task Failed_logins_on_two_nodes_count_together_per_address_and_per_name_and_block_even_the_right_password()
    {
        var prefix = RedisServer.Prefix("throttle");
        await using var a = new AppServer(settings: Node(prefix));
        await using var b = new AppServer(settings: Node(prefix));
        using var onA = new AdminClient(a.BaseAddress, forwardedFor: AddressA);
        using var onB = new AdminClient(b.BaseAddress, forwardedFor: AddressA);

        for (var i = 0; i < 3; i++) Assert.Equal("/admin?error=clave", await onA.LoginAsync("Ana Supervisora", "equivocada"));
        for (var i = 0; i < 2; i++) Assert.Equal("/admin?error=clave", await onB.LoginAsync("Ana Supervisora", "equivocada"));

        Assert.Equal("/admin?error=bloqueado", await onB.LoginAsync("Ana Supervisora", AppServer.SupervisorPassword));
        Assert.Equal("/admin?error=bloqueado", await onA.LoginAsync("Carla", AppServer.SupervisorPassword));
        using var otherAddress = new AdminClient(a.BaseAddress, forwardedFor: AddressB);
        Assert.Equal("/admin?error=bloqueado", await otherAddress.LoginAsync("ana supervisora ", AppServer.SupervisorPassword));
        using var someoneElse = new AdminClient(b.BaseAddress, forwardedFor: AddressC);
        Assert.Equal("/admin", await someoneElse.LoginAsync("Beto", AppServer.SupervisorPassword));
    }

    [Fact]
    public async Task Parallel_wrong_logins_get_five_password_checks_and_the_rest_are_blocked_before_hashing()
    {
        await using var app = new AppServer(settings: Node(RedisServer.Prefix("parallel")));
        var clients = Enumerable.Range(0, 10).Select(_ => new AdminClient(app.BaseAddress, forwardedFor: AddressA)).ToList();

        var answers = await Task.WhenAll(clients.Select((c, i) => c.LoginAsync($"Intruso {i}", "equivocada")));

        Assert.Equal(5, answers.Count(a => a == "/admin?error=clave"));
        Assert.Equal(5, answers.Count(a => a == "/admin?error=bloqueado"));
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task A_logout_on_one_node_ends_the_session_for_every_copy_of_its_cookie_on_every_node()
    {
        var prefix = RedisServer.Prefix("session");
        await using var a = new AppServer(settings: Node(prefix));
        await using var b = new AppServer(settings: Node(prefix));
        using var onA = new AdminClient(a.BaseAddress);
        Assert.Equal("/admin", await onA.LoginAsync("Ana Supervisora", AppServer.SupervisorPassword));
        using var onB = new AdminClient(b.BaseAddress);
        onB.Cookies["zeues.supervisor"] = onA.SessionCookie!;

        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/workers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/export/tablero.csv")).StatusCode);

        await onA.LogoutAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync("/api/workers")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync("/export/tablero.csv")).StatusCode);
    }

    [Fact]
    public async Task The_session_cookie_is_secure_when_the_request_came_over_https_through_the_proxy()
    {
        await using var app = new AppServer(settings: new Dictionary<string, string?> { ["Zeues:Proxy:ForwardedHeaders"] = "true" });
        using var https = new AdminClient(app.BaseAddress, forwardedProto: "https");
        using var http = new AdminClient(app.BaseAddress);

        using var form = await https.GetAsync("/admin");
        Assert.All(form.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("/admin", await https.LoginAsync("Ana Supervisora", AppServer.SupervisorPassword));
        Assert.Contains("secure", https.LastSetCookies.Single(c => c.StartsWith("zeues.supervisor=")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("/admin", await http.LoginAsync("Ana Supervisora", AppServer.SupervisorPassword));
        Assert.DoesNotContain("secure", http.LastSetCookies.Single(c => c.StartsWith("zeues.supervisor=")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void New_hashes_use_600000_iterations_and_hashes_made_with_100000_still_verify()
    {
        var hash = SupervisorPassword.Hash("clave nueva");

        Assert.StartsWith("pbkdf2-sha256$600000$", hash);
        Assert.True(SupervisorPassword.Verify("clave nueva", hash));
        var old = SupervisorPassword.Hash("clave antigua", iterations: 100_000);
        Assert.StartsWith("pbkdf2-sha256$100000$", old);
        Assert.True(SupervisorPassword.Verify("clave antigua", old));
        Assert.False(SupervisorPassword.Verify("otra", old));
    }
}
