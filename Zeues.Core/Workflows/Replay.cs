using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Reading;
using Zeues.Core.Workflows.Commands;

namespace Zeues.Core.Workflows;

/// <summary>DOMAIN 6.4: a command id already in Metadata returns its first outcome, rebuilt from the primary event.</summary>
internal static class Replay
{
    public static bool IsKnown(PlantSnapshot plant, Guid commandId)
    {
        return plant.Audit.Contains(commandId.ToString("D"));
    }

    public static CommandOutcome? Find(PlantSnapshot plant, CommandRequest request, DateTime now)
    {
        var id = request.CommandId.ToString("D");
        var rows = plant.Audit.OfId(id);
        if (rows.Count == 0) return null;
        var primary = rows.FirstOrDefault(e => e.JsonText("comando") is not null) ?? rows[0];
        var sameTag = string.Equals(primary.Tag, request.Tag.Trim(), StringComparison.OrdinalIgnoreCase);
        if (!sameTag || primary.JsonText("comando") != request.Type.ToString())
            throw Errors.Entrada("identificador de comando repetido").Throw();

        var spool = plant.Find(request.Tag) ?? throw Errors.SpoolNoEncontrado(request.Tag).Throw();
        var unions = rows.Count(e => e.NUnion is not null);
        var pulgadas = primary.JsonDecimal("pulgadas") ?? 0;
        var lista = rows.Any(e => e.EventoTipo == Domain.AuditEvent.MetrologiaLista);
        var (resultado, mensaje) = Describe(primary, spool.Tag, unions, pulgadas);
        if (lista && resultado is Resultado.COMPLETADO && primary.Operacion != nameof(Operacion.REPARACION)) mensaje += Messages.ListoParaMetrologia;
        var view = SpoolView.Of(spool, plant, now);
        // The original outcome: Estado_Detalle as recorded and the display state it stands for, never today's.
        var recorded = primary.JsonText("estado_detalle");
        var display = recorded is null || spool.HasDataError ? view.DisplayState : DisplayInfo.OfRecorded(recorded);
        return new CommandOutcome(request.CommandId, spool.Tag, resultado, mensaje, recorded ?? view.EstadoDetalle,
            display, unions, pulgadas, lista, Replay: true, view);
    }

    private static int Count(AuditEntry e, string key) => e.Json.Count(key);

    private static (Resultado, string) Describe(AuditEntry e, string tag, int unions, decimal pulgadas)
    {
        Enum.TryParse<Operacion>(e.Operacion, out var op);
        var repair = op == Operacion.REPARACION;
        var v4 = e.JsonText("union_ids") is not null;
        return e.EventoTipo switch
        {
            AuditEvent.IniciarSpool when repair => (Resultado.INICIADO, Messages.ReparacionIniciada(tag, e.JsonInt("ciclo") ?? 1)),
            AuditEvent.IniciarSpool => (Resultado.INICIADO, Messages.Iniciado(tag, op, e.WorkerNombre ?? "")),
            AuditEvent.PausarSpool when repair => (Resultado.PAUSADO, Messages.ReparacionPausada(tag)),
            AuditEvent.PausarSpool => (Resultado.PAUSADO, v4 ? Messages.Pausado(tag, unions, pulgadas) : Messages.PausadoV3(tag)),
            AuditEvent.CompletarSpool when repair => (Resultado.COMPLETADO, Messages.ReparacionCompletada(tag)),
            AuditEvent.CompletarSpool => (Resultado.COMPLETADO, v4 ? Messages.Completado(op, tag, unions, pulgadas) : Messages.CompletadoV3(op, tag)),
            AuditEvent.CancelarSpool when repair => (Resultado.CANCELADO, Messages.ReparacionCancelada(tag)),
            AuditEvent.CancelarSpool => (Resultado.CANCELADO, Messages.Cancelado(tag)),
            AuditEvent.MetrologiaAprobada => (Resultado.APROBADO, Messages.Aprobada(tag)),
            AuditEvent.MetrologiaRechazada when e.JsonBool("bloqueado") => (Resultado.BLOQUEADO, Messages.Bloqueada(tag)),
            AuditEvent.MetrologiaRechazada => (Resultado.RECHAZADO, Messages.Rechazada(tag, e.JsonInt("ciclo") ?? 1)),
            AuditEvent.NotaAgregada => (Resultado.NOTA_AGREGADA, Messages.NotaAgregada(tag)),
            AuditEvent.LiberacionForzada => (Resultado.LIBERADO, Messages.Liberado(tag)),
            AuditEvent.UnionesDefinidas => (Resultado.UNIONES_DEFINIDAS, Messages.UnionesDefinidas(tag, Count(e, "creadas"), Count(e, "modificadas"),
                Count(e, "eliminadas"), e.JsonInt("total") ?? 0)),
            _ => (Resultado.DESBLOQUEADO, Messages.Desbloqueado(tag)),
        };
    }
}
