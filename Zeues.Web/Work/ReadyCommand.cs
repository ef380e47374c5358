using Zeues.Core.Domain;
using Zeues.Core.Workflows;

namespace Zeues.Web.Work;

/// <summary>
/// One command the work flow has decided to send, under the id it keeps (DOMAIN 6.4). The dialog that
/// shows it only runs it — under the same id again when the worker taps REINTENTAR — so a retried or
/// lost answer never records the action twice.
/// </summary>
public sealed class ReadyCommand(CommandRequest request, Func<CommandRequest, Task<CommandResult>> execute)
{
    public Guid Id => request.CommandId;

    public Task<CommandResult> RunAsync() => execute(request);
}

/// <summary>
/// The commands of a dialog that gathers its own input (a note, a MOTIVO, the union list): the same
/// input keeps its command and id, so tapping again after a failure resends it; changed input is a new
/// command. The work flow creates them; the dialog only runs them.
/// </summary>
public sealed class CommandDrafts<TInput>(Func<TInput, ReadyCommand> create, Func<TInput, string> key)
{
    private (string Key, ReadyCommand Command)? _last;

    public Task<CommandResult> RunAsync(TInput input)
    {
        var inputKey = key(input);
        if (_last is not { } last || last.Key != inputKey) _last = last = (inputKey, create(input));
        return last.Command.RunAsync();
    }
}
