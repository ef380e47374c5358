namespace Zeues.Core.Domain;

/// <summary>FLOOR F4: why metrology rejected a spool; OTRO needs a detalle.</summary>
public enum MotivoRechazo { POROSIDAD, FALTA_FUSION, SOCAVADURA, DESALINEACION, DIMENSIONAL, OTRO }

public static class MotivoRechazoText
{
    public const int DetalleMaxLength = 200;

    /// <summary>The label screens show: "FALTA FUSIÓN" for FALTA_FUSION.</summary>
    public static string Label(this MotivoRechazo motivo) => motivo switch
    {
        MotivoRechazo.POROSIDAD => "POROSIDAD",
        MotivoRechazo.FALTA_FUSION => "FALTA DE FUSIÓN",
        MotivoRechazo.SOCAVADURA => "SOCAVADURA",
        MotivoRechazo.DESALINEACION => "DESALINEACIÓN",
        MotivoRechazo.DIMENSIONAL => "DIMENSIONAL",
        _ => "OTRO",
    };

    public static bool TryParse(string? text, out MotivoRechazo motivo) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out motivo) && Enum.IsDefined(motivo);
}
