using Bunit;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Workflows;
using Zeues.Web.Components.Shared;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Components;

public sealed class SpoolCardTests : ComponentTest
{
    private string[] Buttons(string tag)
    {
        var view = View(tag);
        var card = Render<SpoolCard>(p => p.Add(c => c.Spool, view).Add(c => c.Actions, view.AccionesOcupante).Add(c => c.ShowOccupation, true));
        return card.FindAll("[data-action]").Select(b => b.GetAttribute("data-action")!).ToArray();
    }

    [Fact]
    public void A_v4_spool_in_progress_offers_finalizar_and_cancelar_only() => Assert.Equal(["FINALIZAR", "CANCELAR"], Buttons(S2));

    [Fact]
    public void A_repair_in_progress_offers_completar_pausar_and_cancelar() => Assert.Equal(["COMPLETAR", "PAUSAR", "CANCELAR"], Buttons(S8));

    [Fact]
    public async Task A_v3_spool_in_progress_offers_completar_pausar_and_cancelar_never_finalizar()
    {
        await TestPlant.RunAsync(CommandType.INICIAR, S9, NR, Operacion.ARM);
        Plant = await TestPlant.ReadAsync();
        Assert.Equal(["COMPLETAR", "PAUSAR", "CANCELAR"], Buttons(S9));
    }

    [Fact]
    public void A_free_spool_offers_no_actions() => Assert.Empty(Buttons(S1));

    [Theory]
    [InlineData(S2, "EN PROGRESO", "v4.0 · 3 uniones")]
    [InlineData(S12, "BLOQUEADO", "v3.0")]
    [InlineData(S6, "PEND. METROLOGÍA", "v4.0 · 2 uniones")]
    public void The_card_shows_tag_state_chip_and_version_badge(string tag, string chip, string badge)
    {
        var card = Render<SpoolCard>(p => p.Add(c => c.Spool, View(tag)));
        Assert.Contains(tag, card.Find(".zeues-tag").TextContent);
        Assert.Contains(chip, card.Find(".state-chip").TextContent);
        Assert.Equal(badge, card.Find(".version-badge").TextContent);
    }

    [Fact]
    public void An_occupied_card_shows_since_and_the_server_elapsed_time()
    {
        var card = Render<SpoolCard>(p => p.Add(c => c.Spool, View(S2)).Add(c => c.ShowOccupation, true));
        Assert.Contains("desde 08:15", card.Markup);
        Assert.Equal("1h 45m", card.Find(".elapsed").TextContent);
    }

    [Fact]
    public void A_data_error_card_shows_the_description()
    {
        var card = Render<SpoolCard>(p => p.Add(c => c.Spool, View(S17)));
        Assert.Contains("ERROR DE DATOS", card.Markup);
        Assert.Contains("Fecha_Materiales = \"pendiente\"", card.Find(".card-data-error").TextContent);
    }

    [Fact]
    public void Tapping_a_selectable_card_raises_the_tap_and_announces_its_selection()
    {
        var tapped = 0;
        var card = Render<SpoolCard>(p => p.Add(c => c.Spool, View(S3)).Add(c => c.Selectable, true).Add(c => c.Selected, true)
            .Add(c => c.OnTap, () => tapped++));
        card.Find("[data-tag]").Click();
        Assert.Equal(1, tapped);
        Assert.Equal("Spool MK-1401-CW-25001-003, PAUSADO, ARM 2 de 4, seleccionado", card.Find("[data-tag]").GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData(DisplayState.LIBRE, "LIBRE")]
    [InlineData(DisplayState.EN_PROGRESO, "EN PROGRESO")]
    [InlineData(DisplayState.PAUSADO, "PAUSADO")]
    [InlineData(DisplayState.PENDIENTE_METROLOGIA, "PEND. METROLOGÍA")]
    [InlineData(DisplayState.APROBADO, "APROBADO")]
    [InlineData(DisplayState.RECHAZADO, "RECHAZADO")]
    [InlineData(DisplayState.EN_REPARACION, "EN REPARACIÓN")]
    [InlineData(DisplayState.BLOQUEADO, "BLOQUEADO")]
    [InlineData(DisplayState.ERROR_DATOS, "ERROR DE DATOS")]
    public void Every_state_chip_has_an_icon_and_its_spanish_label(DisplayState state, string label)
    {
        var chip = Render<StateChip>(p => p.Add(c => c.State, state));
        Assert.Equal(label, chip.Find(".state-chip").TextContent.Trim());
        Assert.NotNull(chip.Find("svg"));
    }
}
