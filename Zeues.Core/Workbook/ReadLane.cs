namespace Zeues.Core.Workbook;

/// <summary>
/// Marks the store reads made on behalf of a command (its fresh read, its id lookups). A store with a
/// read quota serves these first; every other read (snapshot refresh, reloads) is background.
/// It flows with the async call, so the read path itself needs no extra parameter.
/// </summary>
public static class ReadLane
{
    private static readonly AsyncLocal<bool> Command = new();

    public static bool IsCommand => Command.Value;

    public static IDisposable ForCommand()
    {
        var previous = Command.Value;
        Command.Value = true;
        return new Restore(previous);
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => Command.Value = previous;
    }
}
