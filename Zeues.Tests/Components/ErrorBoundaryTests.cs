using Bunit;
using Microsoft.AspNetCore.Components;
using Zeues.Web.Components.Layout;

namespace Zeues.Tests.Components;

public sealed class ErrorBoundaryTests : ComponentTest
{
    private sealed class Broken : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("NullReference in SpoolCard at line 42");
    }

    [Fact]
    public void A_rendering_failure_shows_a_friendly_message_with_a_reference_and_no_exception_text()
    {
        var boundary = Render<ZeuesErrorBoundary>(p => p
            .Add(b => b.ChildContent, (RenderFragment)(b => { b.OpenComponent<Broken>(0); b.CloseComponent(); }))
            .Add(b => b.ErrorContent, (RenderFragment<Exception>)(_ => b => b.AddContent(0, "Ocurrió un error inesperado."))));

        Assert.Contains("Ocurrió un error inesperado.", boundary.Markup);
        Assert.DoesNotContain("NullReference", boundary.Markup);
        Assert.Matches("^[0-9A-F]{8}$", boundary.Instance.Reference);
    }
}
