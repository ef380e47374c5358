namespace Zeues.Core.Workbook;

/// <summary>DOMAIN 1.2 and 1.3: critical and expected columns, and the embedded template's header rows.</summary>
public static class WorkbookSchema
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Critical = new Dictionary<string, IReadOnlyList<string>>
    {
        [Sheets.Operaciones] = [Col.TagSpool, Col.Ot, Col.Nv, Col.FechaMateriales, Col.FechaArmado, Col.Armador, Col.FechaSoldadura,
            Col.Soldador, Col.FechaQc, Col.OcupadoPor, Col.FechaOcupacion, Col.EstadoDetalle],
        [Sheets.Uniones] = [Col.NUnion, Col.TagSpool, Col.DnUnion, Col.TipoUnion, Col.ArmInicio, Col.ArmFin, Col.ArmWorker,
            Col.SolInicio, Col.SolFin, Col.SolWorker],
        [Sheets.Trabajadores] = [Col.WorkerId, Col.Nombre, Col.Apellido, Col.Activo],
        [Sheets.Roles] = [Col.WorkerId, Col.Rol, Col.Activo],
        [Sheets.Metadata] = MetadataHeaders,
    };

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Expected = new Dictionary<string, IReadOnlyList<string>>
    {
        [Sheets.Operaciones] = [Col.TotalUniones, Col.ArmCompletadas, Col.SoldCompletadas, Col.PulgadasArm, Col.PulgadasSold, Col.Notas],
        [Sheets.Uniones] = [Col.Id, Col.Ot, "NDT_UNION", "R_NDT_UNION", "NDT_FECHA", "NDT_STATUS", "version"],
        [Sheets.Trabajadores] = [],
        [Sheets.Roles] = [],
        [Sheets.Metadata] = [],
    };

    /// <summary>FLOOR F2: the supervisors' watch lists.</summary>
    public static readonly IReadOnlyList<string> ListasHeaders = [Col.Supervisor, Col.Clave, Col.Tipo, Col.Agregado];

    public static IReadOnlyList<string> MetadataHeaders =>
        [Col.Id, Col.Timestamp, Col.EventoTipo, Col.TagSpool, Col.MetaWorkerId, Col.WorkerNombre, Col.Operacion, Col.Accion,
            Col.FechaOperacion, Col.MetadataJson, Col.NUnion];

    /// <summary>The plant's 75-column Operaciones layout; the embedded template uses this order, ZEUES never relies on it.</summary>
    public static readonly IReadOnlyList<string> OperacionesTemplate =
    [
        "id", "NV", "OT", "CT", "ITEM", "SPLIT", "TAG_SPOOL", "STATUS_NV", "Status_Spool", "Ubicación", "Cliente", "OC", "Item_OC",
        "PLANO_KRONOS N°", "Rev.", "Plano_Referencia", "Marca_Placa", "Prioridad", "Notas", "Fecha_Compromiso", "Fecha_Estimada_Entrega",
        "DIAM", "PD_Soldadura", "PD_Ranurado", "PD_Hilo", "Peso_Kg", "Area_m2", "Tipo Armado", "Tipo_NDT", "Tipo_PH", "Tipo_Revestimiento",
        "Tipo_Pintura", "Tipo_Embalaje", "Fecha_Ingenieria", "Fecha_Materiales", "Fecha_Armado", "Armador", "Fecha_Soldadura", "Soldador",
        "Fecha_QC_Metrología", "Fecha_NDT", "OK NDT si/no/Rep", "N°_nforme_PT", "N°_Informe_UT_ RX", "Fecha_PH", "N°_Informe_PH",
        "Fecha_Revestimiento", "Fecha_QC_Revestimiento", "Fecha_Envio_Pintura", "GD_envio_Pintura", "Fecha_Pintura", "Taller_Pintura",
        "Informe_Pintura", "Fecha_QC_Pintura", "Fecha_Liberación", "N°_Acta_Libración", "Packing_list", "Fecha_GD", "Guia_Despacho",
        "Precio Fabricación", "Precio Revestimiento", "Precio Pintura", "Precio Embalaje", "Precio Total", "FLAG", "MatSys", "Ocupado_Por",
        "Fecha_Ocupacion", "version", "Estado_Detalle", "Total_Uniones", "Uniones_ARM_Completadas", "Uniones_SOLD_Completadas",
        "Pulgadas_ARM", "Pulgadas_SOLD",
    ];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Template = new Dictionary<string, IReadOnlyList<string>>
    {
        [Sheets.Operaciones] = OperacionesTemplate,
        [Sheets.Uniones] = ["ID", "OT", "N_UNION", "TAG_SPOOL", "DN_UNION", "TIPO_UNION", "ARM_FECHA_INICIO", "ARM_FECHA_FIN", "ARM_WORKER",
            "SOL_FECHA_INICIO", "SOL_FECHA_FIN", "SOL_WORKER", "NDT_UNION", "R_NDT_UNION", "NDT_FECHA", "NDT_STATUS", "version"],
        [Sheets.Trabajadores] = ["Id", "Nombre", "Apellido", "Activo"],
        [Sheets.Roles] = ["Id", "Rol", "Activo"],
        [Sheets.Metadata] = MetadataHeaders,
    };
}
