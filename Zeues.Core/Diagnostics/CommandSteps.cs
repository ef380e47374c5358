using Zeues.Core.Domain;

namespace Zeues.Core.Diagnostics;

/// <summary>
/// The steps of the command flow, named once: the log line, the trace, the journal and the admin tab
/// all say the same words, so a failure reads the same wherever it is looked at.
/// </summary>
public static class CommandSteps
{
    public const string Validacion = "validación";
    public const string Replay = "replay";
    public const string Esquema = "esquema";
    public const string Trabajador = "trabajador";
    public const string Lock = "lock";
    public const string Lectura = "lectura";
    public const string Precondiciones = "precondiciones";
    public const string Batch = "batch";
    public const string Publicacion = "publicación";

    /// <summary>Steps that call the workbook or Redis get their own child span; the rest take microseconds.</summary>
    internal static bool HasSpan(string step) => step is Lock or Lectura or Batch or Publicacion;

    /// <summary>
    /// A refused precondition is named by its DOMAIN 8 code: each rule raises its own code, so the code
    /// says which precondition decided without numbering the rules a second time.
    /// </summary>
    public static string Precondicion(ErrorCode code) => $"precondición {code}";
}
