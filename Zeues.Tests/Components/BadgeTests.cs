using Bunit;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Web.Components.Shared;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Components;

/// <summary>UX 2.3 badges and the Mis spools occupation line.</summary>
public sealed class BadgeTests : ComponentTest
{
    [Theory]
    [InlineData(Operacion.ARM, "ARM")]
    [InlineData(Operacion.SOLD, "SOLD")]
    [InlineData(Operacion.REPARACION, "REPARACIÓN")]
    [InlineData(Operacion.METROLOGIA, "METROLOGÍA")]
    public void Operation_badges_use_the_short_labels_of_ux_2_3(Operacion op, string label)
    {
        var badge = Render<OperationBadge>(p => p.Add(b => b.Operacion, op));
        Assert.Equal(label, badge.Find(".op-badge").TextContent);
    }

    [Fact]
    public void A_card_in_progress_carries_the_arm_badge_not_armado()
    {
        var card = Render<SpoolCard>(p => p.Add(c => c.Spool, View(S2)).Add(c => c.ShowOccupation, true));
        Assert.Equal("ARM", card.Find(".op-badge").TextContent);
    }

    [Fact]
    public void A_spool_with_one_union_reads_one_union_in_the_singular()
    {
        var view = View(S2) with { Totals = View(S2).Totals with { Uniones = 1 } };
        var badge = Render<VersionBadge>(p => p.Add(b => b.Spool, view));
        Assert.Equal("v4.0 · 1 unión", badge.Find(".version-badge").TextContent);
    }

    [Fact]
    public void The_since_line_names_the_occupant_not_the_armador()
    {
        var occupied = Plant.Spools.Select(s => View(s.Tag)).First(v => v.Occupant is not null && v.Armador is not null && v.Armador != v.Occupant);
        var card = Render<SpoolCard>(p => p.Add(c => c.Spool, occupied).Add(c => c.ShowOccupation, true));
        Assert.Equal($"{occupied.Occupant} desde {occupied.OccupiedSince:HH:mm}", card.Find("[data-testid=occupation]").TextContent);
    }
}
