namespace Zeues.Core.Domain;

/// <summary>DOMAIN 4.1: what a command that succeeded did, as every answer names it.</summary>
public enum Resultado { INICIADO, PAUSADO, COMPLETADO, CANCELADO, APROBADO, RECHAZADO, BLOQUEADO, NOTA_AGREGADA, LIBERADO, DESBLOQUEADO, UNIONES_DEFINIDAS }
