namespace Zeues.Core.Workbook;

/// <summary>What this node spent of the store's quota in the last minute (Google); null figures mean no quota (SQLite).</summary>
public sealed record BudgetFigures(int ReadsUsed, int ReadsLimit, int CommandReads, int BackgroundReads, int WritesUsed, int WritesLimit, long ReadWaits);

/// <summary>
/// The store's request quota as the command flow sees it: a command takes its write slot before it takes
/// the spool lease, so waiting for the budget never eats into the lease.
/// </summary>
public interface IWorkbookBudget
{
    /// <summary>One write paid for in advance; null when the store has no write quota.</summary>
    ValueTask<WriteSlot?> ReserveWriteAsync(CancellationToken ct);

    BudgetFigures? Figures();
}

/// <summary>The embedded workbook: no quota.</summary>
public sealed class UnlimitedWorkbookBudget : IWorkbookBudget
{
    public ValueTask<WriteSlot?> ReserveWriteAsync(CancellationToken ct) => ValueTask.FromResult<WriteSlot?>(null);

    public BudgetFigures? Figures() => null;
}

/// <summary>A write already counted against the budget; the first send uses it, and an unused slot is handed back on dispose.</summary>
public sealed class WriteSlot(Action refund) : IDisposable
{
    private int _state;

    /// <summary>True once, for the send this slot pays for.</summary>
    public bool TryUse() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;

    public void Dispose()
    {
        if (Interlocked.CompareExchange(ref _state, 2, 0) == 0) refund();
    }
}
