namespace Zeues.Core.Domain;

/// <summary>One joint of a v4 spool (DOMAIN 3.3). Its id is "{OT}+{N_UNION}" with the spool's OT.</summary>
public sealed record Union(
    int RowNumber,
    int NUnion,
    decimal Dn,
    string? Tipo,
    string? Ot,
    DateTime? ArmInicio,
    DateTime? ArmFin,
    string? ArmWorker,
    DateTime? SolInicio,
    DateTime? SolFin,
    string? SolWorker)
{
    private static readonly HashSet<string> SoldTypes = new(StringComparer.Ordinal) { "BW", "BR", "SO", "FILL", "LET" };

    public bool SoldRequired => Tipo is { } t && SoldTypes.Contains(t.Trim().ToUpperInvariant());

    public bool Armed => ArmFin is not null;

    public bool Welded => SolFin is not null;

    /// <summary>FLOOR F3 #8: any ARM_ or SOL_ cell filled; such a union can be neither changed nor removed.</summary>
    public bool HasWork =>
        ArmInicio is not null || ArmFin is not null || ArmWorker is not null || SolInicio is not null || SolFin is not null || SolWorker is not null;

    public bool AvailableFor(Operacion op) => op switch
    {
        Operacion.ARM => !Armed,
        Operacion.SOLD => Armed && !Welded && SoldRequired,
        _ => false,
    };

    public static string IdOf(string? spoolOt, int nUnion) => $"{spoolOt}+{nUnion}";
}
