using Microsoft.Extensions.DependencyInjection;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Rechazos;

/// <summary>FLOOR F4: a rejection says why and which unions, and the repairer and the board see it.</summary>
public sealed class RechazoTests
{
    private static Task<CommandResult> Reject(TestPlant plant, string tag, MotivoRechazo? motivo, string? detalle = null,
        IReadOnlyList<string>? unions = null, int worker = JM) =>
        plant.RunAsync(CommandType.METROLOGIA, tag, worker, unions: unions, resultado: ResultadoMetrologia.RECHAZADO, motivo: motivo, detalle: detalle);

    [Fact]
    public async Task A_rejection_without_a_motivo_is_refused_as_invalid_input_and_writes_nothing()
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        var error = Expect.Error(await Reject(plant, S6, motivo: null), ErrorCode.DATOS_INVALIDOS);

        Assert.StartsWith("Datos no válidos: un RECHAZADO necesita el motivo", error.Message);
        Assert.Empty(await plant.ChangesSinceAsync(image));
    }

    [Fact]
    public async Task Otro_needs_a_detalle_and_a_detalle_holds_at_most_200_characters()
    {
        await using var plant = await TestPlant.CreateAsync();

        Assert.Equal("Datos no válidos: el motivo OTRO necesita un detalle.",
            Expect.Error(await Reject(plant, S6, MotivoRechazo.OTRO, "  "), ErrorCode.DATOS_INVALIDOS).Message);
        Expect.Error(await Reject(plant, S6, MotivoRechazo.POROSIDAD, new string('x', 201)), ErrorCode.DATOS_INVALIDOS);
        Expect.Ok(await Reject(plant, S6, MotivoRechazo.OTRO, new string('x', 200)));
    }

    [Fact]
    public async Task The_role_is_checked_before_the_motivo()
    {
        await using var plant = await TestPlant.CreateAsync();

        Expect.Error(await Reject(plant, S6, motivo: null, worker: MR), ErrorCode.ROL_NO_AUTORIZADO);
    }

    [Fact]
    public async Task An_approval_needs_no_motivo()
    {
        await using var plant = await TestPlant.CreateAsync();

        Expect.Ok(await plant.RunAsync(CommandType.METROLOGIA, S6, JM, resultado: ResultadoMetrologia.APROBADO));
    }

    [Fact]
    public async Task A_rejection_records_motivo_detalle_and_the_rejected_unions_and_the_spool_view_shows_them()
    {
        await using var plant = await TestPlant.CreateAsync();

        var outcome = Expect.Ok(await Reject(plant, S6, MotivoRechazo.POROSIDAD, "poro en la raíz", ["006+1"]));

        var row = Assert.Single(await plant.AuditRowsAsync(outcome.CommandId));
        Assert.Equal("METROLOGIA_RECHAZADA", row.EventoTipo);
        Assert.Equal("POROSIDAD", row.Json("motivo"));
        Assert.Equal("poro en la raíz", row.Json("detalle"));
        Assert.Equal("[\"006+1\"]", row.Json("union_ids"));
        Assert.Equal("1", row.Json("ciclo"));

        var rechazo = outcome.Spool.UltimoRechazo;
        Assert.NotNull(rechazo);
        Assert.Equal(("POROSIDAD", "poro en la raíz", "JM(96)", 1), (rechazo.Motivo, rechazo.Detalle, rechazo.Inspector, rechazo.Ciclo));
        Assert.Equal(["006+1"], rechazo.Uniones);
        Assert.Equal(new DateTime(2026, 1, 22, 10, 0, 0), rechazo.Fecha);

        // Another node reads it back from Metadata.
        await using var other = plant.NewNode();
        var view = await other.GetRequiredService<SpoolLists>().FindAsync(S6);
        Assert.Equal(rechazo with { Uniones = [] }, view!.UltimoRechazo! with { Uniones = [] });
        Assert.Equal(["006+1"], view.UltimoRechazo.Uniones);
    }

    [Fact]
    public async Task A_union_of_another_spool_or_without_work_is_refused_with_uniones_no_disponibles()
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        var foreign = Expect.Error(await Reject(plant, S6, MotivoRechazo.DIMENSIONAL, unions: ["006+1", "001+1"]), ErrorCode.UNIONES_NO_DISPONIBLES);
        Assert.Equal(new[] { "001+1" }, foreign.Data["uniones"]);
        Expect.Error(await Reject(plant, S9, MotivoRechazo.DIMENSIONAL, unions: ["009+1"]), ErrorCode.UNIONES_NO_DISPONIBLES);
        Assert.Empty(await plant.ChangesSinceAsync(image));
    }

    [Fact]
    public async Task A_spool_outside_its_repair_track_shows_no_last_rejection()
    {
        await using var plant = await TestPlant.CreateAsync();
        var lists = plant.Services.GetRequiredService<SpoolLists>();

        Assert.Null((await lists.FindAsync(S6))!.UltimoRechazo);
        var legacy = (await lists.FindAsync(S7))!.UltimoRechazo;
        Assert.NotNull(legacy);
        Assert.Null(legacy.Motivo);
        Assert.Equal("sin motivo registrado", legacy.MotivoLabel);
        Assert.Equal("JM(96)", legacy.Inspector);
    }

    [Fact]
    public async Task The_board_counts_the_last_30_days_of_rejections_by_motivo_and_by_welder_of_the_rejected_unions()
    {
        await using var plant = await TestPlant.CreateAsync();
        Expect.Ok(await Reject(plant, S6, MotivoRechazo.POROSIDAD, unions: ["006+1", "006+2"]));

        var board = await plant.Services.GetRequiredService<DashboardQuery>().GetAsync();

        var r = board.Rechazos!;
        // The fixture's 11-01-2026 rejection of spool 7 recorded no motivo.
        Assert.Equal(2, r.Total);
        Assert.Equal([("POROSIDAD", 1), ("SIN_MOTIVO", 1)], r.PorMotivo.Select(c => (c.Clave, c.Cantidad)));
        // 006+1 was welded by CP(95); 006+2 (FW) takes no weld, so it counts for who armed it.
        Assert.Equal([("CP(95)", 1), ("MR(93)", 1)], r.PorSoldador.Select(c => (c.Clave, c.Cantidad)));
        Assert.Equal("CP(95) Carlos Pimiento", r.PorSoldador[0].Etiqueta);

        plant.SetNow(new DateTime(2026, 2, 20, 10, 0, 0));
        Assert.Equal(1, (await plant.Services.GetRequiredService<DashboardQuery>().GetAsync()).Rechazos!.Total);
    }
}
