namespace Zeues.Core.Coordination;

/// <summary>This server process among the nodes sharing a workbook and Redis.</summary>
public sealed class NodeIdentity
{
    public string Id { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
}
