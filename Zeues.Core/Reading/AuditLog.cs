using System.Collections.Immutable;

namespace Zeues.Core.Reading;

/// <summary>
/// The node's copy of Metadata (DOMAIN 6.4): rows as read, indexed by command id and by TAG, so the
/// replay check and a spool's history never scan the sheet. Rows a command has just appended are held
/// as pending until a read shows where the store put them; <see cref="Last"/> is the last row a read
/// confirmed, where the next tail starts. Immutable: every change returns a new log sharing the rest.
/// </summary>
public sealed class AuditLog
{
    public static readonly AuditLog Empty = new(ImmutableList<AuditEntry>.Empty, ImmutableList<AuditEntry>.Empty,
        ImmutableDictionary.Create<string, ImmutableArray<AuditEntry>>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, ImmutableArray<AuditEntry>>(StringComparer.OrdinalIgnoreCase));

    private readonly ImmutableList<AuditEntry> _confirmed;
    private readonly ImmutableList<AuditEntry> _pending;
    // An array per command id and per TAG, not a tree: a key holds a few rows (a TAG a few dozen) and
    // gains them a command at a time, while a tree node per row cost more than the row for 100,000 rows.
    private readonly ImmutableDictionary<string, ImmutableArray<AuditEntry>> _byId;
    private readonly ImmutableDictionary<string, ImmutableArray<AuditEntry>> _byTag;

    private AuditLog(ImmutableList<AuditEntry> confirmed, ImmutableList<AuditEntry> pending,
        ImmutableDictionary<string, ImmutableArray<AuditEntry>> byId, ImmutableDictionary<string, ImmutableArray<AuditEntry>> byTag)
    {
        _confirmed = confirmed;
        _pending = pending;
        _byId = byId;
        _byTag = byTag;
        Entries = pending.IsEmpty ? confirmed : confirmed.AddRange(pending);
    }

    /// <summary>Every row in sheet order, the pending ones last.</summary>
    public IReadOnlyList<AuditEntry> Entries { get; }

    /// <summary>The last row a read confirmed: the anchor the next tail must start on.</summary>
    public AuditEntry? Last => _confirmed.IsEmpty ? null : _confirmed[^1];

    /// <summary>Rows appended by commands that no read has shown yet.</summary>
    public IReadOnlyList<AuditEntry> Pending => _pending;

    public bool Contains(string id) => _byId.ContainsKey(id);

    public IReadOnlyList<AuditEntry> OfId(string id) => _byId.TryGetValue(id, out var rows) ? rows : ImmutableArray<AuditEntry>.Empty;

    public IReadOnlyList<AuditEntry> OfTag(string tag) => _byTag.TryGetValue(tag.Trim(), out var rows) ? rows : ImmutableArray<AuditEntry>.Empty;

    public static AuditLog Of(IEnumerable<AuditEntry> rows) => Empty.Confirm(rows);

    /// <summary>Rows read from the store after <see cref="Last"/>: they become confirmed, and the pending rows of the same commands go.</summary>
    public AuditLog Confirm(IEnumerable<AuditEntry> rows)
    {
        // Idempotent: a tail that overlaps rows already confirmed adds only the newer ones.
        var list = rows.Where(e => e.RowNumber > (Last?.RowNumber ?? 0)).ToList();
        if (list.Count == 0) return this;
        var confirmedIds = list.Where(e => e.Id is not null).Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
        var dropped = _pending.Where(p => p.Id is not null && confirmedIds.Contains(p.Id)).ToList();
        var byId = _byId.ToBuilder();
        var byTag = _byTag.ToBuilder();
        foreach (var p in dropped)
        {
            Remove(byId, p.Id, p);
            Remove(byTag, p.Tag, p);
        }
        Add(byId, list, e => e.Id);
        Add(byTag, list, e => e.Tag);
        return new AuditLog(_confirmed.AddRange(list), dropped.Count == 0 ? _pending : _pending.RemoveRange(dropped, ReferenceEqualityComparer.Instance), byId.ToImmutable(), byTag.ToImmutable());
    }

    /// <summary>Rows a command appended (here or on another node) whose final row numbers no read has shown yet.</summary>
    public AuditLog AddPending(IEnumerable<AuditEntry> rows)
    {
        var list = rows.Where(e => e.Id is null || !_byId.ContainsKey(e.Id)).ToList();
        if (list.Count == 0) return this;
        var byId = _byId.ToBuilder();
        var byTag = _byTag.ToBuilder();
        Add(byId, list, e => e.Id);
        Add(byTag, list, e => e.Tag);
        return new AuditLog(_confirmed, _pending.AddRange(list), byId.ToImmutable(), byTag.ToImmutable());
    }

    /// <summary>Each key's new rows appended in one step, so a key's array is copied once per change, not once per row.</summary>
    private static void Add(ImmutableDictionary<string, ImmutableArray<AuditEntry>>.Builder index, List<AuditEntry> rows, Func<AuditEntry, string?> keyOf)
    {
        foreach (var group in rows.Where(e => keyOf(e) is not null).GroupBy(e => keyOf(e)!.Trim(), index.KeyComparer))
            index[group.Key] = index.TryGetValue(group.Key, out var known) ? known.AddRange(group) : [.. group];
    }

    private static void Remove(ImmutableDictionary<string, ImmutableArray<AuditEntry>>.Builder index, string? key, AuditEntry e)
    {
        if (key is null || !index.TryGetValue(key.Trim(), out var rows)) return;
        rows = rows.Remove(e, ReferenceEqualityComparer.Instance);
        if (rows.IsEmpty) index.Remove(key.Trim());
        else index[key.Trim()] = rows;
    }
}
