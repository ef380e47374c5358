using Zeues.Core.Domain;

namespace Zeues.Core.Workflows.Commands;

/// <summary>DOMAIN 4.1 success messages, shared by the commands and by replays rebuilt from Metadata.</summary>
internal static class Messages
{
    public const string ListoParaMetrologia = " — listo para metrología";

    public static string Iniciado(string tag, Operacion op, string token) => $"Spool {tag} iniciado: {op.Nombre()} por {token}";
    public static string Cancelado(string tag) => $"Trabajo cancelado en {tag}: el spool quedó disponible sin registrar trabajo";
    public static string Pausado(string tag, int n, decimal p) => $"Trabajo pausado en {tag}: {n} uniones registradas ({Pulgadas.Text(p)}\")";
    public static string Completado(Operacion op, string tag, int n, decimal p) => $"{op.Nombre()} completado en {tag}: {n} uniones registradas ({Pulgadas.Text(p)}\")";
    public static string PausadoV3(string tag) => $"Trabajo pausado en {tag}";
    public static string CompletadoV3(Operacion op, string tag) => $"{op.Nombre()} completado en {tag}";
    public static string ReparacionIniciada(string tag, int ciclo) => $"Reparación iniciada en {tag} (Ciclo {ciclo}/3)";
    public static string ReparacionPausada(string tag) => $"Reparación pausada en {tag}";
    public static string ReparacionCompletada(string tag) => $"Reparación completada en {tag}: vuelve a metrología";
    public static string ReparacionCancelada(string tag) => $"Reparación cancelada en {tag}";
    public static string Aprobada(string tag) => $"Metrología APROBADA para {tag}";
    public static string Rechazada(string tag, int ciclo) => $"Metrología RECHAZADA para {tag}: Ciclo {ciclo}/3";
    public static string Bloqueada(string tag) => $"Metrología RECHAZADA para {tag}: spool BLOQUEADO";
    public static string NotaAgregada(string tag) => $"Nota agregada a {tag}";
    public static string Liberado(string tag) => $"Spool {tag} liberado por supervisor";
    public static string Desbloqueado(string tag) => $"Spool {tag} desbloqueado: RECHAZADO (Ciclo 2/3)";
    public static string UnionesDefinidas(string tag, int c, int m, int e, int t) =>
        $"Uniones de {tag}: {c} creadas, {m} modificadas, {e} eliminadas (total {t})";

}
