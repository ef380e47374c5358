using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Zeues.Core.Workbook.GoogleSheets;

/// <summary>
/// Exactly-once batches on Google (DOMAIN 6.4). Every command's batchUpdate starts with an
/// <c>addNamedRange</c> whose name comes from the command id. Google validates a batch before applying
/// any of it, and a name that already exists invalidates the whole batch: so a copy of a batch that
/// lands after another copy (a late first attempt, a retry, the same id resent on another node) is
/// refused as a whole and can never add a second set of Metadata rows or re-apply counters. The marker
/// lives <see cref="GoogleSheetsOptions.CommandMarkerMinutes"/> and is then deleted by <see cref="CleanUpAsync"/>.
/// </summary>
public sealed partial class CommandMarkers(SheetsClient client, IOptions<GoogleSheetsOptions> options, TimeProvider time, ILogger<CommandMarkers> logger)
{
    public const string Prefix = "ZEUES_CMD_";

    /// <summary>When this node created or first saw each marker (by name), and its id once known.</summary>
    private readonly ConcurrentDictionary<string, (DateTimeOffset Since, string? Id)> _known = new(StringComparer.Ordinal);

    /// <summary>A valid named-range name (letters, digits, underscores; not a cell reference) unique to the command.</summary>
    public static string Name(Guid commandId) => Prefix + commandId.ToString("N").ToUpperInvariant();

    /// <summary>The marker request: a one-cell range on a sheet the batch writes anyway.</summary>
    public static Request Add(Guid commandId, int sheetId) =>
        new(AddNamedRange: new AddNamedRangeRequest(new NamedRange(null, Name(commandId), new GridRange(sheetId, 0, 1, 0, 1))));

    /// <summary>Google's answer to a marker that already exists: the batch was refused whole, and this command's batch is already in.</summary>
    public static bool IsDuplicate(SheetsWriteRejectedException rejected, int markerIndex) =>
        rejected.GoogleMessage.Contains($"requests[{markerIndex}].addNamedRange", StringComparison.Ordinal)
        && rejected.GoogleMessage.Contains("exist", StringComparison.OrdinalIgnoreCase);

    public int Count => _known.Count;

    /// <summary>Records a marker this node wrote, with the id Google gave it (from the batch's reply).</summary>
    public void Written(Guid commandId, BatchUpdateSpreadsheetResponse response, int markerIndex)
    {
        string? id = null;
        if (response.Replies is { } replies && replies.Count > markerIndex
            && replies[markerIndex].ValueKind == JsonValueKind.Object
            && replies[markerIndex].TryGetProperty("addNamedRange", out var add)
            && add.TryGetProperty("namedRange", out var range)
            && range.TryGetProperty("namedRangeId", out var value))
            id = value.GetString();
        _known[Name(commandId)] = (time.GetUtcNow(), id);
    }

    /// <summary>Records a marker whose batch may have landed without an answer: its id is learnt from the next listing.</summary>
    public void MaybeWritten(Guid commandId) => _known.TryAdd(Name(commandId), (time.GetUtcNow(), null));

    /// <summary>
    /// Lists the spreadsheet's markers (one read, in the background lane) and deletes in one batchUpdate
    /// those older than the retention. Markers left by a node that stopped are adopted at the first
    /// listing and deleted one retention later. A failed round changes nothing; the next one retries.
    /// </summary>
    public async Task<int> CleanUpAsync(CancellationToken ct)
    {
        var listed = (await client.GetNamedRangesAsync(ct)).NamedRanges ?? [];
        var now = time.GetUtcNow();
        var present = listed.Where(r => r.Name?.StartsWith(Prefix, StringComparison.Ordinal) == true && r.NamedRangeId is not null)
            .ToDictionary(r => r.Name!, r => r.NamedRangeId!, StringComparer.Ordinal);
        foreach (var name in _known.Keys.Where(n => !present.ContainsKey(n) && now - _known[n].Since >= Retention).ToList())
            _known.TryRemove(name, out _);
        foreach (var (name, id) in present) _known.AddOrUpdate(name, (now, id), (_, seen) => seen with { Id = id });

        var expired = present.Where(p => now - _known[p.Key].Since >= Retention).ToList();
        if (expired.Count == 0) return 0;
        try
        {
            await client.BatchUpdateAsync(new BatchUpdateSpreadsheetRequest(
                expired.Select(e => new Request(DeleteNamedRange: new DeleteNamedRangeRequest(e.Value))).ToList()), null, ct);
        }
        catch (SheetsWriteRejectedException ex)
        {
            // Another node deleted some of them first; the next listing sees what is left.
            LogCleanupRefused(ex.GoogleMessage);
            return 0;
        }
        foreach (var (name, _) in expired) _known.TryRemove(name, out _);
        return expired.Count;
    }

    private TimeSpan Retention => TimeSpan.FromMinutes(options.Value.CommandMarkerMinutes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Limpieza de marcas de comando rechazada por Google ({Message}); se reintenta en la próxima ronda")]
    private partial void LogCleanupRefused(string message);
}
