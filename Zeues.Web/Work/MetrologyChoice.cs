using Zeues.Core.Domain;
using Zeues.Core.Workflows;

namespace Zeues.Web.Work;

/// <summary>What the inspector chose in the metrology dialog: the result and, for a rejection, why and which unions (FLOOR F4).</summary>
public sealed record MetrologyChoice(ResultadoMetrologia Resultado, MotivoRechazo? Motivo = null, string? Detalle = null, IReadOnlyList<string>? Unions = null);
