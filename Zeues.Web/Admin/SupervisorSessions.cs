using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Zeues.Web.Admin;

/// <summary>
/// The server side of a supervisor login: the cookie carries a session id that must still be live
/// here, so a logout on any node or an idle timeout ends the session everywhere, open /admin
/// circuits included (they re-check it).
/// </summary>
public sealed class SupervisorSessions(IAdminState state, IOptions<SupervisorOptions> options)
{
    public const string IdClaim = "zeues:sesion";

    private TimeSpan Idle => TimeSpan.FromMinutes(options.Value.IdleMinutes);

    public async Task<string> StartAsync()
    {
        var id = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        await state.PutAsync(Key(id), Idle);
        return id;
    }

    /// <summary>True while the principal's session lives; a request or a supervisor action counts as activity.</summary>
    public async Task<bool> IsLiveAsync(ClaimsPrincipal? user, bool activity = true) =>
        user?.FindFirst(IdClaim)?.Value is { Length: > 0 } id && await (activity ? state.TouchAsync(Key(id), Idle) : state.ExistsAsync(Key(id)));

    public Task EndAsync(ClaimsPrincipal? user) =>
        user?.FindFirst(IdClaim)?.Value is { Length: > 0 } id ? state.RemoveAsync(Key(id)) : Task.CompletedTask;

    private static string Key(string id) => $"sesion:{id}";
}
