namespace Zeues.Web.Admin;

/// <summary>
/// Short-lived supervisor state every node must see: login attempt counters and live sessions.
/// Redis when configured, else this process's memory (one node).
/// </summary>
public interface IAdminState
{
    /// <summary>Counts one more attempt under the key, kept for the window after the last one; returns the count.</summary>
    Task<long> CountAsync(string key, TimeSpan window);

    Task PutAsync(string key, TimeSpan ttl);

    Task<bool> ExistsAsync(string key);

    /// <summary>True when the key still lives; its time to live starts again.</summary>
    Task<bool> TouchAsync(string key, TimeSpan ttl);

    Task RemoveAsync(params string[] keys);
}
