using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Workflows;

namespace Zeues.Web.Components.Work;

/// <summary>An action chosen on the FIN DE TURNO prompt, for the page to run through its normal dialogs.</summary>
public sealed record ShiftEndAction(SpoolView Spool, CommandType Action);
