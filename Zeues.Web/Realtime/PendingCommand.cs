using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Zeues.Core.Domain;
using Zeues.Core.Workflows;

namespace Zeues.Web.Realtime;

/// <summary>
/// The command between CONFIRMAR and its shown answer, mirrored in protected per-tab storage (FLOOR F5,
/// UX 5): when a reload or a lost circuit swallows the answer, the tab resends it with the same id and
/// the command flow answers with the original outcome instead of writing twice (DOMAIN 6.4).
/// </summary>
public sealed class PendingCommand(SpoolCommands commands, ProtectedSessionStorage storage, ILogger<PendingCommand> logger)
{
    private const string Key = "zeues.pending";

    public async Task<CommandResult> RunAsync(CommandRequest request, Func<Task<CommandResult>> run)
    {
        // Stored before the command is sent: an answer lost after this point is recoverable.
        await SafeAsync(() => storage.SetAsync(Key, Entry.Of(request)).AsTask());
        var result = await run();
        // If the circuit died meanwhile this fails too, and the entry stays for the next load of the tab.
        await SafeAsync(() => storage.DeleteAsync(Key).AsTask());
        return result;
    }

    /// <summary>Resends the tab's unanswered command, if any, and returns its real outcome.</summary>
    public async Task<CommandResult?> ResolveAsync()
    {
        Entry? entry = null;
        await SafeAsync(async () =>
        {
            var stored = await storage.GetAsync<Entry>(Key);
            if (stored.Success) entry = stored.Value;
        });
        if (entry is null) return null;
        var result = await commands.ExecuteAsync(entry.ToRequest());
        // The lost first attempt may still hold the spool's lease: a retryable answer is retried, same id.
        for (var attempt = 1; attempt < 5 && result.Error?.Code.IsRetryable() == true; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(attempt));
            result = await commands.ExecuteAsync(entry.ToRequest());
        }
        await SafeAsync(() => storage.DeleteAsync(Key).AsTask());
        return result;
    }

    private async Task SafeAsync(Func<Task> action)
    {
        try { await action(); }
        catch (Exception ex) when (ex is InvalidOperationException or Microsoft.JSInterop.JSException or TaskCanceledException
                                       or System.Security.Cryptography.CryptographicException)
        {
            logger.LogDebug(ex, "Tab storage not reachable");
        }
    }

    /// <summary>What the tab keeps: the command id, type, TAG, acting worker and arguments.</summary>
    public sealed record Entry(Guid CommandId, CommandType Type, string Tag, int? WorkerId, string? Supervisor, Operacion? Operacion,
        List<string>? Unions, ResultadoMetrologia? Resultado, string? Texto)
    {
        public static Entry Of(CommandRequest r) =>
            new(r.CommandId, r.Type, r.Tag, r.Actor.WorkerId, r.Actor.Supervisor, r.Operacion, r.Unions?.ToList(), r.Resultado, r.Texto);

        public CommandRequest ToRequest() =>
            new(CommandId, Type, Tag, new Actor(WorkerId, Supervisor), Operacion, Unions, Resultado, Texto);
    }
}
