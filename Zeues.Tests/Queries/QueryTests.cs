using Microsoft.Extensions.DependencyInjection;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Queries;

public sealed class QueryTests
{
    private static SpoolLists Lists(TestPlant p) => p.Services.GetRequiredService<SpoolLists>();

    [Theory]
    [InlineData(Operacion.ARM, new[] { S3, S1, S18, S9 })]
    [InlineData(Operacion.SOLD, new[] { S3, S4, S10 })]
    [InlineData(Operacion.METROLOGIA, new[] { S14, S6 })]
    [InlineData(Operacion.REPARACION, new[] { S7, S15 })]
    public async Task Picker_lists_hold_the_fixture_spools_in_order_and_end_with_the_error_group(Operacion op, string[] expected)
    {
        await using var plant = await TestPlant.CreateAsync();
        var list = await Lists(plant).GetAsync(op, ListAccion.INICIAR);

        Assert.Equal(expected, list.Items.Select(s => s.Tag));
        Assert.Equal([S16, S17], list.Errors.Select(s => s.Tag));
        Assert.Equal(op == Operacion.REPARACION ? [S12] : [], list.ReadOnly.Select(s => s.Tag));
    }

    [Fact]
    public async Task Mis_spools_lists_the_workers_occupations_oldest_first_with_their_allowed_actions()
    {
        await using var plant = await TestPlant.CreateAsync();
        var mine = await Lists(plant).MineAsync(MR);

        Assert.Equal([S2, S8], mine.Select(s => s.Tag));
        Assert.Equal([CommandType.FINALIZAR, CommandType.CANCELAR], mine[0].AccionesOcupante);
        Assert.Equal([CommandType.COMPLETAR, CommandType.PAUSAR, CommandType.CANCELAR], mine[1].AccionesOcupante);
        Assert.Equal([S5], (await Lists(plant).MineAsync(CP)).Select(s => s.Tag));
    }

    [Fact]
    public async Task Search_matches_tag_or_nv_case_insensitively()
    {
        await using var plant = await TestPlant.CreateAsync();
        Assert.Equal([S1], (await Lists(plant).GetAsync(Operacion.ARM, ListAccion.INICIAR, search: "cw-25001-001")).Items.Select(s => s.Tag));
        Assert.Equal([S9], (await Lists(plant).GetAsync(Operacion.ARM, ListAccion.INICIAR, search: "nv0500")).Items.Select(s => s.Tag));
    }

    [Fact]
    public async Task Available_unions_follow_the_operation_rules()
    {
        await using var plant = await TestPlant.CreateAsync();
        var read = await plant.ReadAsync();
        string[] Available(string tag, Operacion op) => read.Find(tag)!.Unions.Where(u => u.AvailableFor(op)).Select(read.Find(tag)!.UnionId).ToArray();

        Assert.Equal(["003+3", "003+5"], Available(S3, Operacion.ARM));
        Assert.Equal(["003+1"], Available(S3, Operacion.SOLD));
        Assert.Equal(["004+1", "004+2"], Available(S4, Operacion.SOLD));
    }

    [Fact]
    public async Task The_board_groups_occupations_with_server_elapsed_time_queue_and_repairs()
    {
        await using var plant = await TestPlant.CreateAsync();
        var board = await plant.Services.GetRequiredService<DashboardQuery>().GetAsync();

        Assert.Equal(["MR(93)", "CP(95)"], board.Occupied.Select(g => g.Token));
        Assert.Equal([(S2, Operacion.ARM, "1h 45m"), (S8, Operacion.REPARACION, "1h 0m")],
            board.Occupied[0].Spools.Select(s => (s.Tag, s.Operacion, s.Elapsed)));
        Assert.Equal("2h 20m", board.Occupied[1].Spools.Single().Elapsed);
        Assert.Equal([S14, S6], board.MetrologyQueue.Select(q => q.Tag));
        Assert.Equal([S7, S8, S15, S12], board.Repairs.Select(r => r.Tag));
        Assert.Empty(board.PulgadasHoy);
        Assert.Equal(2, board.Counts[DisplayState.ERROR_DATOS]);
        Assert.Equal(18, board.Total);
    }

    [Fact]
    public async Task After_finishing_arm_the_board_shows_todays_pulgadas_for_the_worker()
    {
        await using var plant = await TestPlant.CreateAsync();
        await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, ["002+2", "002+3"]);

        var board = await plant.Services.GetRequiredService<DashboardQuery>().GetAsync();

        var row = Assert.Single(board.PulgadasHoy);
        Assert.Equal(("MR(93)", 6.0m, 0m, 2), (row.Token, row.Arm, row.Sold, row.Uniones));
    }

    [Fact]
    public async Task History_of_spool_two_shows_both_arm_sessions_with_durations()
    {
        await using var plant = await TestPlant.CreateAsync();
        await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, ["002+2", "002+3"]);

        var history = await plant.Services.GetRequiredService<SpoolHistoryQuery>().GetAsync(S2);

        Assert.Equal(
        [
            "NR(94) · ARMADO · 21-01-2026 09:00 → 11:30 · 2h 30m · PAUSADO · 1 unión · 4.00\"",
            "MR(93) · ARMADO · 22-01-2026 08:15 → 10:00 · 1h 45m · COMPLETADO · 2 uniones · 6.00\"",
        ], history.Sessions.Select(SpoolHistoryQuery.Describe));
    }

    [Fact]
    public async Task History_reads_older_event_names()
    {
        await using var plant = await TestPlant.CreateAsync();
        var history = plant.Services.GetRequiredService<SpoolHistoryQuery>();

        var s10 = Assert.Single((await history.GetAsync(S10)).Sessions);
        Assert.Equal(("CP(95)", "4h 30m", SessionResult.PAUSADO), (s10.Worker, s10.Duration, s10.Result));
        var s7 = Assert.Single((await history.GetAsync(S7)).Timeline, t => t.Kind == TimelineKind.Metrologia);
        Assert.Equal(("JM(96)", "Metrología RECHAZADO", new DateTime(2026, 1, 11, 15, 0, 0)), (s7.Who, s7.Texto, s7.At));
    }

    [Fact]
    public async Task An_open_session_is_en_curso_for_the_current_occupant()
    {
        await using var plant = await TestPlant.CreateAsync();
        var history = await plant.Services.GetRequiredService<SpoolHistoryQuery>().GetAsync(S2);
        Assert.Equal(SessionResult.EN_CURSO, history.Sessions.Last().Result);
    }

    [Theory]
    [InlineData(NR, "2026-01-21", new[] { "002+1" }, 4.0)]
    [InlineData(NR, "2026-01-20", new[] { "003+1", "003+2" }, 6.0)]
    [InlineData(CP, "2026-01-20", new[] { "005+1" }, 8.0)]
    public async Task The_daily_record_sums_pulgadas_of_the_unions_a_worker_finished_that_day(int worker, string day, string[] unions, double pulgadas)
    {
        await using var plant = await TestPlant.CreateAsync();
        var record = await plant.Services.GetRequiredService<DailyRecordQuery>().GetAsync(worker, DateOnly.Parse(day));

        Assert.Equal(unions, record.Groups.SelectMany(g => g.Lines).Select(l => l.UnionId));
        Assert.Equal((decimal)pulgadas, record.PulgadasTotal);
    }

    [Fact]
    public async Task The_daily_record_lists_v3_completions()
    {
        await using var plant = await TestPlant.CreateAsync();
        var record = await plant.Services.GetRequiredService<DailyRecordQuery>().GetAsync(JP, new DateOnly(2025, 12, 29));
        Assert.Equal([(S10, Operacion.ARM)], record.V3Completions.Select(c => (c.Tag, c.Operacion)));
    }

    [Fact]
    public async Task A_search_outside_the_tab_gives_each_matching_spool_the_rule_books_reason_and_the_tab_that_takes_it()
    {
        await using var plant = await TestPlant.CreateAsync();
        var acciones = plant.Services.GetRequiredService<SpoolAcciones>();
        var nr = (await plant.Cache.GetAsync()).Workers[NR];

        var taken = Assert.Single((await acciones.WhyNotAsync(nr, Operacion.ARM, S2)).Cards);
        Assert.Equal((Operacion.ARM, $"El spool {S2} ya está ocupado por MR(93). Espera a que termine o elige otro spool.", (Operacion?)null),
            (taken.Operacion, taken.Mensaje, taken.IrA));
        var rejected = Assert.Single((await acciones.WhyNotAsync(nr, Operacion.ARM, S7)).Cards);
        Assert.Equal(($"ARMADO ya está completado en el spool {S7}.", (Operacion?)Operacion.REPARACION), (rejected.Mensaje, rejected.IrA));
        var blocked = Assert.Single((await acciones.WhyNotAsync(nr, Operacion.ARM, S13)).Cards);
        Assert.Equal($"No se puede iniciar ARMADO en {S13}: falta Fecha_Materiales.", blocked.Mensaje);

        var missing = await acciones.WhyNotAsync(nr, Operacion.ARM, "NO-EXISTE");
        Assert.Empty(missing.Cards);
        Assert.Equal("No se encontró el spool NO-EXISTE. Verifica el TAG.", missing.NotFound);
    }

    [Fact]
    public async Task The_admin_lists_hold_the_spools_on_which_liberar_and_desbloquear_are_allowed()
    {
        await using var plant = await TestPlant.CreateAsync();
        var snapshot = await plant.Cache.GetAsync();

        Assert.Equal([S8, S2, S5], SpoolLists.ForSupervisor(snapshot, CommandType.LIBERAR, plant.Clock.Now).Select(v => v.Tag).Order());
        Assert.Equal([S12], SpoolLists.ForSupervisor(snapshot, CommandType.DESBLOQUEAR, plant.Clock.Now).Select(v => v.Tag));
    }
}
