namespace Zeues.Core.Workbook;

/// <summary>Asked by the store right before it sends a batch; throws <see cref="WriteFencedException"/> when the writer may no longer write.</summary>
public interface IWriteFence
{
    ValueTask CheckAsync(CancellationToken ct);
}

/// <summary>
/// How a command's batch may be sent: <see cref="CommandId"/> makes the batch self-fencing where the
/// store can (a second copy is refused as a whole), <see cref="Slot"/> is the write budget taken before
/// the lease and <see cref="Fence"/> the lease check made right before sending.
/// </summary>
public sealed record WriteGuard(Guid CommandId, WriteSlot? Slot = null, IWriteFence? Fence = null);
