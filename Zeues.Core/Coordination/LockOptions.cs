using System.ComponentModel.DataAnnotations;

namespace Zeues.Core.Coordination;

/// <summary>Section "Zeues:Locks" (DOMAIN 1.6: 30 s lease, 5 s wait).</summary>
public sealed class LockOptions
{
    public const string Section = "Zeues:Locks";

    [Range(1, 300)]
    public int TtlSeconds { get; set; } = 30;

    [Range(0, 60)]
    public double WaitSeconds { get; set; } = 5;

    /// <summary>
    /// The lease must still have this long to run when a batch is sent (DOMAIN 1.6: a command that cannot
    /// finish its write within its lease sends nothing). At least one store request's timeout.
    /// </summary>
    [Range(0, 300)]
    public double WriteMarginSeconds { get; set; } = 10;
}
