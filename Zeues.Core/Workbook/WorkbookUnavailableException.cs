namespace Zeues.Core.Workbook;

/// <summary>
/// The store could not be reached or did not answer in time; surfaces as ALMACEN_NO_DISPONIBLE.
/// <see cref="OutcomeUnknown"/>: the batch was sent and may still be applied (timeout, lost connection, 5xx).
/// </summary>
public sealed class WorkbookUnavailableException(string message, Exception? inner = null, bool outcomeUnknown = false) : Exception(message, inner)
{
    public bool OutcomeUnknown { get; } = outcomeUnknown;
}

/// <summary>A cell the batch was conditional on changed since it was read: someone else wrote first.</summary>
public sealed class WorkbookConflictException(string message) : Exception(message);

/// <summary>The store refused the batch because a batch with the same command id was already applied (DOMAIN 6.4).</summary>
public sealed class WorkbookAlreadyAppliedException(string message) : Exception(message);

/// <summary>The writer's lease no longer covers the write (DOMAIN 1.6): nothing was sent.</summary>
public sealed class WriteFencedException(string message) : Exception(message);

/// <summary>An optional sheet (e.g. "Listas", FLOOR F2) does not exist in the workbook: the feature that needs it is off, nothing else.</summary>
public sealed class WorkbookSheetMissingException(string sheet) : Exception($"La hoja {sheet} no existe en la planilla.")
{
    public string Sheet { get; } = sheet;
}
