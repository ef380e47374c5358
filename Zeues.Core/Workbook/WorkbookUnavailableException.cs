namespace Zeues.Core.Workbook;

/// <summary>The store could not be reached or did not answer in time; surfaces as ALMACEN_NO_DISPONIBLE.</summary>
public sealed class WorkbookUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A cell the batch was conditional on changed since it was read: someone else wrote first.</summary>
public sealed class WorkbookConflictException(string message) : Exception(message);
