using System.ComponentModel.DataAnnotations;

namespace Zeues.Web.Admin;

/// <summary>Section "Zeues:Supervisor": the /admin password hash (PBKDF2, see <see cref="SupervisorPassword"/>).</summary>
public sealed class SupervisorOptions
{
    public const string Section = "Zeues:Supervisor";

    /// <summary>The embedded demo's password is "zeues-demo"; it opens /admin only in Development on the embedded workbook.</summary>
    public const string DemoPasswordHash = "pbkdf2-sha256$100000$emV1ZXMtZGVtby1zYWx0$Teqrk5XqaSd1emz0gH9e2TTchEQFbMEvDgFI56yL6pU=";

    public const string MissingHashMessage =
        "Zeues:Supervisor:PasswordHash debe definirse con un hash propio (la clave de demostración solo vale en Development con el libro embebido): " +
        "genera uno con `dotnet run --project Zeues.Web -- hash-password 'su-clave'`.";

    /// <summary>Empty outside Development: the app refuses to start until a deployment sets its own hash.</summary>
    public string PasswordHash { get; set; } = "";

    [Range(1, 240)]
    public int IdleMinutes { get; set; } = 15;

    /// <summary>How often an open /admin screen checks that its session still lives (logout elsewhere, idle timeout).</summary>
    [Range(1, 600)]
    public int SessionCheckSeconds { get; set; } = 15;

    /// <summary>Anyone who reads the README knows the demo password: it may only guard the local demo.</summary>
    public static bool IsAllowed(string hash, bool development, string? provider) =>
        !string.IsNullOrWhiteSpace(hash) && (hash != DemoPasswordHash || (development && provider != "GoogleSheets"));
}
