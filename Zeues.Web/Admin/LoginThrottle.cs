using System.Net;

namespace Zeues.Web.Admin;

/// <summary>
/// UX 4.8: five failed logins in a row block the login for five minutes, per client address and per
/// name, on every node (<see cref="IAdminState"/>). An attempt is counted BEFORE the password is
/// hashed, so parallel posts cannot run more than five hashes, and a success clears both counts.
/// </summary>
public sealed class LoginThrottle(IAdminState state)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>Counts the attempt; false when the address or the name already used up its attempts.</summary>
    public async Task<bool> TryBeginAsync(IPAddress? address, string nombre)
    {
        var byAddress = await state.CountAsync(AddressKey(address), Window);
        var byName = await state.CountAsync(NameKey(nombre), Window);
        return byAddress <= MaxFailures && byName <= MaxFailures;
    }

    public Task SucceededAsync(IPAddress? address, string nombre) => state.RemoveAsync(AddressKey(address), NameKey(nombre));

    private static string AddressKey(IPAddress? address) => $"intentos:ip:{address?.MapToIPv6().ToString() ?? "desconocida"}";

    private static string NameKey(string nombre) => $"intentos:nombre:{nombre.Trim().ToLowerInvariant()}";
}
