namespace Zeues.Core.Domain;

public enum Operacion { ARM, SOLD, METROLOGIA, REPARACION, NOTA }

public static class OperacionText
{
    /// <summary>The Spanish name used in messages: ARMADO, SOLDADURA, METROLOGÍA, REPARACIÓN.</summary>
    public static string Nombre(this Operacion op) => op switch
    {
        Operacion.ARM => "ARMADO",
        Operacion.SOLD => "SOLDADURA",
        Operacion.METROLOGIA => "METROLOGÍA",
        Operacion.REPARACION => "REPARACIÓN",
        _ => "NOTA",
    };
}
