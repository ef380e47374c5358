namespace Zeues.Core.Coordination;

public interface ISpoolEvents
{
    /// <summary>Best effort: never throws for a delivery problem.</summary>
    Task PublishAsync(SpoolChanged change, CancellationToken ct = default);

    /// <summary>Registers an in-memory subscriber; dispose to unsubscribe.</summary>
    IDisposable Subscribe(Func<SpoolChanged, Task> handler);
}
