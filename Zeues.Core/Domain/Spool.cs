namespace Zeues.Core.Domain;

/// <summary>Counter cells as stored: hints only, never decisive (DOMAIN 3.5).</summary>
public sealed record SpoolCounters(int? Total, int? ArmCompletadas, int? SoldCompletadas, decimal? PulgadasArm, decimal? PulgadasSold)
{
    public static readonly SpoolCounters Empty = new(null, null, null, null, null);

    public static SpoolCounters From(IReadOnlyList<Union> unions) => new(
        unions.Count,
        unions.Count(u => u.Armed),
        unions.Count(u => u.Welded),
        Math.Round(unions.Where(u => u.Armed).Sum(u => u.Dn), 2, MidpointRounding.AwayFromZero),
        Math.Round(unions.Where(u => u.Welded).Sum(u => u.Dn), 2, MidpointRounding.AwayFromZero));
}

/// <summary>
/// One Operaciones row with its unions, as read, plus the two non-factual inputs ZEUES carries in
/// Estado_Detalle: the quality track (q, n) and the occupation operation.
/// </summary>
public sealed record Spool
{
    public const string Disponible = "DISPONIBLE";

    public required int RowNumber { get; init; }
    public required string Tag { get; init; }
    public string? Ot { get; init; }
    public string? Nv { get; init; }
    public DateOnly? FechaMateriales { get; init; }
    public DateOnly? FechaArmado { get; init; }
    public string? Armador { get; init; }
    public DateOnly? FechaSoldadura { get; init; }
    public string? Soldador { get; init; }
    public DateOnly? FechaQc { get; init; }
    public string? OcupadoPor { get; init; }
    public DateTime? FechaOcupacion { get; init; }
    public string? EstadoDetalle { get; init; }
    public string? Notas { get; init; }
    public SpoolCounters StoredCounters { get; init; } = SpoolCounters.Empty;
    public bool HasUnionRows { get; init; }
    public IReadOnlyList<Union> Unions { get; init; } = [];
    public QualityTrack Quality { get; init; } = QualityTrack.None;
    public IReadOnlyList<DataError> DataErrors { get; init; } = [];

    /// <summary>Set by a command that starts an occupation; otherwise inferred (DOMAIN 3.6).</summary>
    public Operacion? OccupationOverride { get; init; }

    public SpoolVersion Version => HasUnionRows ? SpoolVersion.V4 : SpoolVersion.V3;
    public bool HasDataError => DataErrors.Count > 0;
    public bool IsOccupied => OcupadoPor is { } o && !o.Equals(Disponible, StringComparison.OrdinalIgnoreCase);
    public int? OccupantId => IsOccupied ? WorkerToken.IdOf(OcupadoPor) : null;
    public bool MetrologiaAprobada => FechaQc is not null;
    public bool IsBloqueado => Quality.Estado == Calidad.Bloqueado;

    public string UnionId(Union union) => Union.IdOf(Ot, union.NUnion);

    public Progress ArmProgress => new(Unions.Count(u => u.Armed), Unions.Count);
    public Progress SoldProgress => new(Unions.Count(u => u.SoldRequired && u.Welded), Unions.Count(u => u.SoldRequired));

    /// <summary>A v4 spool without SOLD-required unions: SOLD "no aplica" and counts as complete.</summary>
    public bool SoldNoAplica => Version == SpoolVersion.V4 && !Unions.Any(u => u.SoldRequired);

    public bool ArmComplete => Version == SpoolVersion.V3 ? FechaArmado is not null : Unions.All(u => u.Armed);
    public bool SoldComplete => Version == SpoolVersion.V3 ? FechaSoldadura is not null : Unions.Where(u => u.SoldRequired).All(u => u.Welded);
    public bool WorkComplete => ArmComplete && SoldComplete;
    public bool Complete(Operacion op) => op == Operacion.ARM ? ArmComplete : SoldComplete;

    public bool SoldMayStart => Version == SpoolVersion.V3
        ? FechaArmado is not null
        : Unions.Any(u => u.AvailableFor(Operacion.SOLD));

    /// <summary>DOMAIN 3.6: the operation the current occupation is for.</summary>
    public Operacion OccupationOp => OccupationOverride ?? InferOccupationOp();

    public string? WorkerOf(Operacion op) => op == Operacion.ARM ? Armador : Soldador;
    public DateOnly? FechaOf(Operacion op) => op == Operacion.ARM ? FechaArmado : FechaSoldadura;

    /// <summary>Any work recorded for an operation, at spool or union level (keeps the worker on cancel).</summary>
    public bool HasUnionWorker(Operacion op) => Unions.Any(u => (op == Operacion.ARM ? u.ArmWorker : u.SolWorker) is not null);

    public bool PartiallyDone =>
        Unions.Any(u => u.Armed || u.Welded) || Armador is not null || Soldador is not null || FechaArmado is not null || FechaSoldadura is not null;

    private Operacion InferOccupationOp()
    {
        if (Quality.Estado == Calidad.EnReparacion) return Operacion.REPARACION;
        var ed = EstadoDetalle ?? "";
        if (ed.Contains("trabajando ARM", StringComparison.OrdinalIgnoreCase)) return Operacion.ARM;
        if (ed.Contains("trabajando SOLD", StringComparison.OrdinalIgnoreCase)) return Operacion.SOLD;
        if (ed.EndsWith(" - ARM", StringComparison.OrdinalIgnoreCase)) return Operacion.ARM;
        if (ed.EndsWith(" - SOLD", StringComparison.OrdinalIgnoreCase)) return Operacion.SOLD;
        if (!ArmComplete) return Operacion.ARM;
        if (!SoldComplete) return Operacion.SOLD;
        return Quality.Estado is Calidad.Rechazado or Calidad.ReparacionPausada ? Operacion.REPARACION : Operacion.ARM;
    }
}
