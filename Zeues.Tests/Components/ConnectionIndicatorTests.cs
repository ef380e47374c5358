using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Zeues.Core.Coordination;
using Zeues.Web.Components.Shared;

namespace Zeues.Tests.Components;

public sealed class ConnectionIndicatorTests : ComponentTest
{
    [Fact]
    public void The_indicator_says_en_linea_and_switches_to_sin_sincronizacion_when_coordination_degrades()
    {
        var status = Services.GetRequiredService<CoordinationStatus>();
        var indicator = Render<ConnectionIndicator>();
        Assert.Contains("EN LÍNEA", indicator.Markup);

        status.Set(true, "Redis no disponible", DateTimeOffset.UtcNow);

        indicator.WaitForAssertion(() => Assert.Contains("SIN SINCRONIZACIÓN", indicator.Markup));
        status.Set(false, null, DateTimeOffset.UtcNow);
        indicator.WaitForAssertion(() => Assert.Contains("EN LÍNEA", indicator.Markup));
    }
}
