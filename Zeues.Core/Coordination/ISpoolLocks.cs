namespace Zeues.Core.Coordination;

/// <summary>A short lease guarding one read-check-write on a spool. It is not the occupancy.</summary>
public sealed record SpoolLease(string Tag, string Token, string Key);

public interface ISpoolLocks
{
    /// <summary>Waits up to <paramref name="wait"/> for the lease; null when it is still held by someone else.</summary>
    Task<SpoolLease?> AcquireAsync(string tag, TimeSpan ttl, TimeSpan wait, CancellationToken ct = default);

    /// <summary>Releases only if the lease's token still holds the key (compare-and-delete).</summary>
    Task<bool> ReleaseAsync(SpoolLease lease);
}
