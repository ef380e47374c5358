namespace Zeues.Core.Domain;

/// <summary>DOMAIN 4.10 / UX 4.2: how many spools one batch INICIAR may start.</summary>
public static class BatchLimit
{
    public const int MaxSpools = 50;

    public static string Mensaje => $"Máximo {MaxSpools} spools por vez.";
}
