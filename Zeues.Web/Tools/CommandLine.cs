using Zeues.Web.Admin;

namespace Zeues.Web.Tools;

/// <summary>
/// One-shot maintenance commands: <c>dotnet run --project Zeues.Web -- hash-password CLAVE</c>,
/// <c>dotnet run --project Zeues.Web -- import planilla.xlsx [--force]</c>.
/// </summary>
public static class CommandLine
{
    /// <summary>Runs a maintenance command and returns its exit code, or null when the arguments start the server.</summary>
    public static async Task<int?> TryRunAsync(string[] args)
    {
        if (args is ["hash-password", var password])
        {
            Console.WriteLine(SupervisorPassword.Hash(password));
            return 0;
        }
        if (args is ["import", .. var rest]) return await ImportCommand.RunAsync(rest);
        return null;
    }
}
