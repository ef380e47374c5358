namespace Zeues.Core.Coordination;

/// <summary>
/// DOMAIN 6.5 change notification. <see cref="Origin"/> is the publishing node, so it does not reload
/// what it has already patched.
/// </summary>
public sealed record SpoolChanged(
    string Tag,
    string Comando,
    string Evento,
    string EstadoDetalle,
    string DisplayState,
    string? Occupant,
    Guid? CommandId,
    DateTimeOffset At,
    string Origin);
