namespace Zeues.Core.Workbook;

public static class Sheets
{
    public const string Operaciones = "Operaciones";
    public const string Uniones = "Uniones";
    public const string Trabajadores = "Trabajadores";
    public const string Roles = "Roles";
    public const string Metadata = "Metadata";

    public static readonly IReadOnlyList<string> All = [Operaciones, Uniones, Trabajadores, Roles, Metadata];

    /// <summary>FLOOR F2 "Mi lista": optional; the embedded workbook creates it, on Google the office must add it.</summary>
    public const string Listas = "Listas";
}

/// <summary>Header names ZEUES looks for (resolved through <see cref="HeaderMap"/>, never by position).</summary>
public static class Col
{
    public const string TagSpool = "TAG_SPOOL";
    public const string Ot = "OT";
    public const string Nv = "NV";
    public const string FechaMateriales = "Fecha_Materiales";
    public const string FechaArmado = "Fecha_Armado";
    public const string Armador = "Armador";
    public const string FechaSoldadura = "Fecha_Soldadura";
    public const string Soldador = "Soldador";
    public const string FechaQc = "Fecha_QC_Metrología";
    public const string OcupadoPor = "Ocupado_Por";
    public const string FechaOcupacion = "Fecha_Ocupacion";
    public const string EstadoDetalle = "Estado_Detalle";
    public const string TotalUniones = "Total_Uniones";
    public const string ArmCompletadas = "Uniones_ARM_Completadas";
    public const string SoldCompletadas = "Uniones_SOLD_Completadas";
    public const string PulgadasArm = "Pulgadas_ARM";
    public const string PulgadasSold = "Pulgadas_SOLD";
    public const string Notas = "Notas";

    public const string Id = "ID";
    public const string NUnion = "N_UNION";
    public const string DnUnion = "DN_UNION";
    public const string TipoUnion = "TIPO_UNION";
    public const string ArmInicio = "ARM_FECHA_INICIO";
    public const string ArmFin = "ARM_FECHA_FIN";
    public const string ArmWorker = "ARM_WORKER";
    public const string SolInicio = "SOL_FECHA_INICIO";
    public const string SolFin = "SOL_FECHA_FIN";
    public const string SolWorker = "SOL_WORKER";

    public const string WorkerId = "Id";
    public const string Nombre = "Nombre";
    public const string Apellido = "Apellido";
    public const string Activo = "Activo";
    public const string Rol = "Rol";

    public const string Timestamp = "Timestamp";
    public const string EventoTipo = "Evento_Tipo";
    public const string MetaWorkerId = "Worker_ID";
    public const string WorkerNombre = "Worker_Nombre";
    public const string Operacion = "Operacion";
    public const string Accion = "Accion";
    public const string FechaOperacion = "Fecha_Operacion";
    public const string MetadataJson = "Metadata_JSON";

    public const string Supervisor = "Supervisor";
    public const string Clave = "Clave";
    public const string Tipo = "Tipo";
    public const string Agregado = "Agregado";
}
