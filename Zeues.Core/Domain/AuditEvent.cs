using System.Text.Json.Nodes;
using Zeues.Core.Domain;

namespace Zeues.Core.Domain;

/// <summary>One Metadata row to append (DOMAIN 6.1, 6.2). The primary event gets comando, estado_detalle and version_spool added.</summary>
public sealed record AuditEvent(string Evento, string Operacion, string Accion, JsonObject Json, int? NUnion = null, bool Primary = false)
{
    public const string IniciarSpool = "INICIAR_SPOOL";
    public const string PausarSpool = "PAUSAR_SPOOL";
    public const string CompletarSpool = "COMPLETAR_SPOOL";
    public const string CancelarSpool = "CANCELAR_SPOOL";
    public const string UnionArm = "UNION_ARM_REGISTRADA";
    public const string UnionSold = "UNION_SOLD_REGISTRADA";
    public const string MetrologiaAprobada = "METROLOGIA_APROBADA";
    public const string MetrologiaRechazada = "METROLOGIA_RECHAZADA";
    public const string MetrologiaLista = "METROLOGIA_LISTA";
    public const string NotaAgregada = "NOTA_AGREGADA";
    public const string LiberacionForzada = "LIBERACION_FORZADA";
    public const string SupervisorOverride = "SUPERVISOR_OVERRIDE";
    public const string UnionesDefinidas = "UNIONES_DEFINIDAS";

    public static AuditEvent Main(string evento, Operacion op, string accion, JsonObject json) => new(evento, op.ToString(), accion, json, Primary: true);

    public static AuditEvent Lista(string origen, int ciclo) =>
        new(MetrologiaLista, nameof(Domain.Operacion.METROLOGIA), "ENCOLAR", new JsonObject { ["origen"] = origen, ["ciclo"] = ciclo });
}
