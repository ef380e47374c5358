using System.ComponentModel.DataAnnotations;

namespace Zeues.Web.Admin;

/// <summary>Section "Zeues:Supervisor": the /admin password hash (PBKDF2, see <see cref="SupervisorPassword"/>).</summary>
public sealed class SupervisorOptions
{
    public const string Section = "Zeues:Supervisor";

    /// <summary>The embedded demo's password is "zeues-demo"; a configured deployment must set its own hash.</summary>
    public const string DemoPasswordHash = "pbkdf2-sha256$100000$emV1ZXMtZGVtby1zYWx0$Teqrk5XqaSd1emz0gH9e2TTchEQFbMEvDgFI56yL6pU=";

    [Required]
    public string PasswordHash { get; set; } = DemoPasswordHash;

    [Range(1, 240)]
    public int IdleMinutes { get; set; } = 15;
}
