using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Zeues.Web.Realtime;

namespace Zeues.Web.Offline;

/// <summary>
/// The credential a tablet uses to send actions captured offline (FLOOR F5): issued to the circuit of an
/// identified worker, signed by the server's Data Protection keys, bound to that worker id and valid for
/// the idle timeout plus 8 hours. It replaces the API key on the replay endpoint because a key in the
/// page would be readable by anyone holding the tablet; this one only speaks for the worker it was issued to.
/// </summary>
public sealed class TabletCredential(IDataProtectionProvider provider, IOptions<UiOptions> ui)
{
    private const string Purpose = "Zeues.Offline.TabletCredential.v1";
    private static readonly TimeSpan Capture = TimeSpan.FromHours(8);

    private ITimeLimitedDataProtector Protector => provider.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    public TimeSpan Lifetime => TimeSpan.FromSeconds(ui.Value.IdleSeconds + ui.Value.IdleCountdownSeconds) + Capture;

    public string Issue(int workerId) => Protector.Protect(workerId.ToString(System.Globalization.CultureInfo.InvariantCulture), Lifetime);

    /// <summary>The worker the credential speaks for, or null when it is forged, altered or expired.</summary>
    public int? WorkerOf(string? credential)
    {
        if (string.IsNullOrWhiteSpace(credential)) return null;
        try
        {
            return int.TryParse(Protector.Unprotect(credential), out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
