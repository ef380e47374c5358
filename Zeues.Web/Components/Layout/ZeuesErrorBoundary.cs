using Microsoft.AspNetCore.Components.Web;

namespace Zeues.Web.Components.Layout;

/// <summary>Catches a rendering failure: the page shows a friendly message with a reference that is in the server log.</summary>
public sealed class ZeuesErrorBoundary(ILogger<ZeuesErrorBoundary> logger) : ErrorBoundary
{
    public string Reference { get; private set; } = "";

    protected override Task OnErrorAsync(Exception exception)
    {
        Reference = Core.Domain.Errors.NewReference();
        logger.LogError(exception, "ERROR_INTERNO ref {Ref}: rendering failure", Reference);
        return Task.CompletedTask;
    }
}
