namespace Zeues.Core.Workbook;

/// <summary>The store could not be reached or did not answer in time; surfaces as ALMACEN_NO_DISPONIBLE.</summary>
public sealed class WorkbookUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A cell the batch was conditional on changed since it was read: someone else wrote first.</summary>
public sealed class WorkbookConflictException(string message) : Exception(message);

/// <summary>An optional sheet (e.g. "Listas", FLOOR F2) does not exist in the workbook: the feature that needs it is off, nothing else.</summary>
public sealed class WorkbookSheetMissingException(string sheet) : Exception($"La hoja {sheet} no existe en la planilla.")
{
    public string Sheet { get; } = sheet;
}
