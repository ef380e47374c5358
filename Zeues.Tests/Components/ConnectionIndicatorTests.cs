using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Zeues.Core.Coordination;
using Zeues.Web.Components.Shared;

namespace Zeues.Tests.Components;

public sealed class ConnectionIndicatorTests : ComponentTest
{
    [Fact]
    public void The_indicator_says_en_linea_and_shows_modo_local_with_an_icon_when_coordination_degrades()
    {
        var status = Services.GetRequiredService<CoordinationStatus>();
        var indicator = Render<ConnectionIndicator>();
        Assert.Equal("EN LÍNEA", indicator.Find("[data-state=online]").TextContent.Trim());

        status.Set(true, "Redis no disponible", DateTimeOffset.UtcNow);

        indicator.WaitForAssertion(() => Assert.Equal("EN LÍNEA · MODO LOCAL", indicator.Find("[data-state=online]").TextContent.Trim()));
        Assert.NotNull(indicator.Find("[data-state=online] svg"));
        Assert.DoesNotContain("SINCRONIZACI", indicator.Markup);
        status.Set(false, null, DateTimeOffset.UtcNow);
        indicator.WaitForAssertion(() => Assert.Equal("EN LÍNEA", indicator.Find("[data-state=online]").TextContent.Trim()));
    }

    [Fact]
    public void The_down_states_read_reconnectando_and_sin_conexion_each_with_an_icon()
    {
        var indicator = Render<ConnectionIndicator>();

        // The circuit cannot render while it is down: these are in the markup and switched on by the reconnect script.
        Assert.Equal("RECONECTANDO…", indicator.Find("[data-state=reconnecting]").TextContent.Trim());
        Assert.NotNull(indicator.Find("[data-state=reconnecting] .conn-spinner"));
        Assert.Equal("SIN CONEXIÓN", indicator.Find("[data-state=offline]").TextContent.Trim());
        Assert.NotNull(indicator.Find("[data-state=offline] .dot-down"));
    }
}
