namespace Zeues.Core.Workbook.GoogleSheets;

/// <summary>Google's quota as the command flow and the status views see it: the read budget and the write limiter of this node.</summary>
public sealed class SheetsBudget(ReadBudget reads, WriteRateLimiter writes) : IWorkbookBudget
{
    public async ValueTask<WriteSlot?> ReserveWriteAsync(CancellationToken ct) => await writes.ReserveAsync(ct);

    public BudgetFigures? Figures()
    {
        var (used, command, background) = reads.Used();
        return new BudgetFigures(used, reads.Limit, command, background, writes.Used, writes.Limit, reads.Waits);
    }
}
