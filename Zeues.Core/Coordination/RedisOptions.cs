using System.ComponentModel.DataAnnotations;

namespace Zeues.Core.Coordination;

/// <summary>Section "Zeues:Redis"; the server itself comes from ConnectionStrings:Redis.</summary>
public sealed class RedisOptions
{
    public const string Section = "Zeues:Redis";

    /// <summary>Prefix of every key and channel, so several plants can share one Redis.</summary>
    [Required]
    public string Prefix { get; set; } = "zeues";

    [Range(100, 60000)]
    public int ConnectTimeoutMs { get; set; } = 2000;

    /// <summary>Bound on every Redis call: a dead server never holds a command longer than this.</summary>
    [Range(100, 60000)]
    public int SyncTimeoutMs { get; set; } = 1500;

    public string LockKey(string tag) => $"{Prefix}:lock:spool:{tag.Trim().ToUpperInvariant()}";

    public string Channel => $"{Prefix}:cambios";
}
