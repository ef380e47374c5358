namespace Zeues.Core.Coordination;

/// <summary>A short lease guarding one read-check-write on a spool. It is not the occupancy.</summary>
public sealed record SpoolLease(string Tag, string Token, string Key);

/// <summary>What a token-checked renewal found.</summary>
public enum LeaseRenewal
{
    /// <summary>The key still held our token; its TTL starts again.</summary>
    Renewed,

    /// <summary>The key expired or holds another token: someone else may have written since.</summary>
    Lost,

    /// <summary>The lock store did not answer; the lease runs out at its last known expiry.</summary>
    Unreachable,
}

public interface ISpoolLocks
{
    /// <summary>Waits up to <paramref name="wait"/> for the lease; null when it is still held by someone else.</summary>
    Task<SpoolLease?> AcquireAsync(string tag, TimeSpan ttl, TimeSpan wait, CancellationToken ct = default);

    /// <summary>Extends the lease to <paramref name="ttl"/> from now, only while the key still holds its token (compare-and-expire).</summary>
    Task<LeaseRenewal> RenewAsync(SpoolLease lease, TimeSpan ttl);

    /// <summary>Releases only if the lease's token still holds the key (compare-and-delete).</summary>
    Task<bool> ReleaseAsync(SpoolLease lease);
}
