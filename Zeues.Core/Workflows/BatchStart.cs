using System.Security.Cryptography;
using System.Text;
using Zeues.Core.Domain;

namespace Zeues.Core.Workflows;

public sealed record BatchStartItem(string Tag, CommandResult Result);

/// <summary>DOMAIN 4.10 result: one line per TAG and "{s} de {t} spools iniciados ({f} con error)".</summary>
public sealed record BatchStartResult(IReadOnlyList<BatchStartItem> Items, ZeuesError? Error)
{
    public static BatchStartResult Invalid(ZeuesError error) => new([], error);

    public int Started => Items.Count(i => i.Result.Succeeded);

    public int Failed => Items.Count - Started;

    public string Resumen => $"{Started} de {Items.Count} spools iniciados" + (Failed > 0 ? $" ({Failed} con error)" : "");
}

public static class CommandIds
{
    /// <summary>A stable id per TAG of a batch, so retrying the same confirmation replays instead of repeating.</summary>
    public static Guid ForItem(Guid batchId, string tag)
    {
        var hash = MD5.HashData(Encoding.UTF8.GetBytes($"{batchId:D}/{tag.Trim().ToUpperInvariant()}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x30);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }
}
