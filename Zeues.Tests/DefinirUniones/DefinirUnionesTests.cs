using Microsoft.Data.Sqlite;
using Zeues.Core.Domain;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.DefinirUniones;

/// <summary>FLOOR F3: the supervisor defines or corrects a spool's unions in one atomic batch (runs on the workflow suite's provider).</summary>
public sealed class DefinirUnionesTests
{
    private const string Ana = "Ana Supervisora";

    private static Task<CommandResult> Define(TestPlant plant, string tag, IReadOnlyList<UnionSpec> uniones, Actor? actor = null, Guid? id = null) =>
        plant.Commands.ExecuteAsync(new CommandRequest(id ?? Guid.NewGuid(), CommandType.DEFINIR_UNIONES, tag, actor ?? Actor.ForSupervisor(Ana), Uniones: uniones));

    private static UnionSpec U(int n, decimal dn, string tipo) => new(n, dn, tipo);

    private static async Task<IReadOnlyList<(string? Id, string? Ot, string? N, string? Dn, string? Tipo)>> UnionRowsAsync(TestPlant plant, string tag)
    {
        var sheet = await plant.SheetAsync(Sheets.Uniones);
        string? T(SheetRow r, string c) => CellReader.Text(sheet.Get(r, c));
        return sheet.Rows.Where(r => T(r, Col.TagSpool) == tag)
            .Select(r => (T(r, Col.Id), T(r, Col.Ot), T(r, Col.NUnion), T(r, Col.DnUnion), T(r, Col.TipoUnion))).ToList();
    }

    [Fact]
    public async Task A_v3_spool_becomes_v4_with_three_unions()
    {
        await using var plant = await TestPlant.CreateAsync();

        var outcome = Expect.Ok(await Define(plant, S9, [U(1, 2, "BW"), U(2, 1.5m, "so"), U(3, 0.75m, "FW")]));

        Assert.Equal(Resultado.UNIONES_DEFINIDAS, outcome.Resultado);
        Assert.Equal($"Uniones de {S9}: 3 creadas, 0 modificadas, 0 eliminadas (total 3)", outcome.Mensaje);
        Assert.Equal(SpoolVersion.V4, outcome.Spool.Version);
        Assert.Equal([("009+1", "009", "1", "2", "BW"), ("009+2", "009", "2", "1.5", "SO"), ("009+3", "009", "3", "0.75", "FW")],
            await UnionRowsAsync(plant, S9));
        Assert.Equal(3d, await plant.CellAsync(S9, Col.TotalUniones));
        Assert.Equal(0d, await plant.CellAsync(S9, Col.ArmCompletadas));
        Assert.Equal("Disponible - ARM pendiente, SOLD pendiente", await plant.CellAsync(S9, Col.EstadoDetalle));

        var row = Assert.Single(await plant.AuditRowsAsync(outcome.CommandId));
        Assert.Equal(("UNIONES_DEFINIDAS", "DEFINIR", "UNIONES"), ((string?)row.EventoTipo, (string?)row.Accion, (string?)row.Operacion));
        Assert.Equal((0d, "SUPERVISOR"), (row.WorkerId, row.WorkerNombre));
        Assert.Equal("[1,2,3]", row.Json("creadas"));
        Assert.Equal("[]", row.Json("modificadas"));
        Assert.Equal("[]", row.Json("eliminadas"));
        Assert.Equal("3", row.Json("total"));
        Assert.Equal("v3.0", row.Json("version_anterior"));
        Assert.Equal("v4.0", row.Json("version_spool"));
        Assert.Equal(Ana, row.Json("supervisor"));
        Assert.Equal("DEFINIR_UNIONES", row.Json("comando"));

        // Now on the v4 path: NR(94) arms it union by union.
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S9, NR, Operacion.ARM));
        Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S9, NR, Operacion.ARM, ["009+2"]));
        Assert.Equal("NR(94)", await plant.UnionCellAsync(S9, 2, Col.ArmWorker));
    }

    [Fact]
    public async Task Correcting_removing_and_adding_unworked_unions_keeps_every_other_spools_unions_in_place()
    {
        await using var plant = await TestPlant.CreateAsync();
        var id = Guid.NewGuid();

        var outcome = Expect.Ok(await Define(plant, S1, [U(1, 2, "BW"), U(2, 2.5m, "BR"), U(3, 1.5m, "SO"), U(5, 6, "MIT")], id: id));

        Assert.Equal($"Uniones de {S1}: 1 creadas, 1 modificadas, 1 eliminadas (total 4)", outcome.Mensaje);
        Assert.Equal([("001+1", "001", "1", "2", "BW"), ("001+2", "001", "2", "2.5", "BR"), ("001+3", "001", "3", "1.5", "SO"), ("001+5", "001", "5", "6", "MIT")],
            (await UnionRowsAsync(plant, S1)).OrderBy(u => u.N).ToList());
        var row = Assert.Single(await plant.AuditRowsAsync(outcome.CommandId));
        Assert.Equal(("[5]", "[2]", "[4]"), (row.Json("creadas"), row.Json("modificadas"), row.Json("eliminadas")));

        // The rows below the deleted one moved up; the next command on another spool still writes its own unions.
        Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, ["002+2"]));
        Assert.Equal("MR(93)", await plant.UnionCellAsync(S2, 2, Col.ArmWorker));
        Assert.Null(await plant.UnionCellAsync(S2, 3, Col.ArmWorker));
        Assert.Equal("NR(94)", await plant.UnionCellAsync(S2, 1, Col.ArmWorker));
        Assert.DoesNotContain((await plant.ReadAsync()).Spools.SelectMany(s => s.DataErrors), e => e.Tag is not (S16 or S17));

        var metadata = await plant.MetadataCountAsync();
        var replay = Expect.Ok(await Define(plant, S1, [U(1, 2, "BW"), U(2, 2.5m, "BR"), U(3, 1.5m, "SO"), U(5, 6, "MIT")], id: id));
        Assert.True(replay.Replay);
        Assert.Equal(outcome.Mensaje, replay.Mensaje);
        Assert.Equal(metadata, await plant.MetadataCountAsync());
    }

    [Fact]
    public async Task Removing_or_changing_a_union_with_work_is_refused_and_nothing_is_written()
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        var removed = Expect.Error(await Define(plant, S3, [U(2, 3, "FW"), U(3, 2, "SO"), U(5, 3, "BW")]), ErrorCode.UNIONES_CON_TRABAJO);
        var changed = Expect.Error(await Define(plant, S3, [U(1, 4, "BW"), U(2, 3, "FW"), U(3, 2, "SO"), U(5, 3, "BW")]), ErrorCode.UNIONES_CON_TRABAJO);

        Assert.Equal($"No se puede cambiar ni quitar la unión 1 de {S3}: tiene trabajo registrado.", removed.Message);
        Assert.Equal(409, removed.Status);
        Assert.Equal(removed.Message, changed.Message);
        Assert.Empty(await plant.ChangesSinceAsync(image));
    }

    [Fact]
    public async Task A_v3_spool_with_work_recorded_is_refused()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await Define(plant, S10, [U(1, 2, "BW")]), ErrorCode.DEPENDENCIAS_NO_SATISFECHAS);

        Assert.Equal($"No se puede definir UNIONES en {S10}: el spool ya tiene trabajo v3 registrado.", error.Message);
    }

    [Fact]
    public async Task Preconditions_come_in_the_listed_order()
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        Expect.Error(await Define(plant, S1, [U(1, 0.6m, "BW")], Actor.ForWorker(MR)), ErrorCode.ROL_NO_AUTORIZADO);
        Expect.Error(await Define(plant, S1, [U(1, 2, "BW")], Actor.RecordedBy(MR, Ana)), ErrorCode.ROL_NO_AUTORIZADO);
        Assert.Equal("Datos no válidos: unión 2 (N 7): DN 0.6 no es un diámetro válido.",
            Expect.Error(await Define(plant, "NO-EXISTE", [U(1, 2, "BW"), U(7, 0.6m, "BW")]), ErrorCode.DATOS_INVALIDOS).Message);
        Expect.Error(await Define(plant, S1, [U(1, 2, "BW"), U(1, 3, "BW")]), ErrorCode.DATOS_INVALIDOS);
        Expect.Error(await Define(plant, S1, [U(1, 2, "XX")]), ErrorCode.DATOS_INVALIDOS);
        Expect.Error(await Define(plant, S1, []), ErrorCode.DATOS_INVALIDOS);
        Expect.Error(await Define(plant, S1, Enumerable.Range(1, 61).Select(n => U(n, 2, "BW")).ToList()), ErrorCode.DATOS_INVALIDOS);
        Expect.Error(await Define(plant, "NO-EXISTE", [U(1, 2, "BW")]), ErrorCode.SPOOL_NO_ENCONTRADO);
        Expect.Error(await Define(plant, S16, [U(1, 2, "BW")]), ErrorCode.DATOS_INVALIDOS);
        Expect.Error(await Define(plant, S2, [U(1, 4, "BW"), U(2, 4, "BW"), U(3, 2, "BR")]), ErrorCode.SPOOL_OCUPADO);
        Expect.Error(await Define(plant, S12, [U(1, 2, "BW")]), ErrorCode.SPOOL_BLOQUEADO);
        Expect.Error(await Define(plant, S11, [U(1, 2, "BW")]), ErrorCode.OPERACION_YA_COMPLETADA);
        Assert.Empty(await plant.ChangesSinceAsync(image));
    }

    [Fact]
    public async Task On_google_one_batch_update_carries_the_cell_updates_the_appends_and_the_row_deletes()
    {
        await using var plant = await TestPlant.CreateAsync(provider: "GoogleSheets");
        var fake = plant.FakeSheets!;
        var before = fake.BatchUpdateKinds.Count;

        Expect.Ok(await Define(plant, S1, [U(1, 2, "BW"), U(2, 2.5m, "BR"), U(5, 6, "MIT")]));

        var kinds = Assert.Single(fake.BatchUpdateKinds.Skip(before));
        Assert.Contains("updateCells", kinds);
        Assert.Contains("appendCells", kinds);
        Assert.Equal(2, kinds.Count(k => k == "deleteDimension"));
        Assert.Equal("deleteDimension", kinds[^1]);
        Assert.Empty(fake.Violations);
        Assert.Equal(["1", "2", "5"], (await UnionRowsAsync(plant, S1)).Select(u => u.N).Order());
    }

    [Fact]
    public async Task On_google_a_failed_batch_update_leaves_nothing()
    {
        await using var plant = await TestPlant.CreateAsync(provider: "GoogleSheets");
        var image = await plant.CaptureAsync();
        plant.FakeSheets!.Fail(503, count: 20, method: "batchUpdate");

        Expect.Error(await Define(plant, S1, [U(1, 2, "BW"), U(2, 2.5m, "BR"), U(5, 6, "MIT")]), ErrorCode.ALMACEN_NO_DISPONIBLE);

        plant.FakeSheets.ClearFaults();
        Assert.Empty(await plant.ChangesSinceAsync(image));
    }

    [Fact]
    public async Task On_sqlite_a_failure_during_the_row_deletes_leaves_nothing()
    {
        await using var plant = await TestPlant.CreateAsync(provider: "Sqlite");
        var image = await plant.CaptureAsync();
        // Fails on the delete, after the updates and the appends were written inside the transaction.
        plant.Workbook.AfterRowWritten = (sheet, row) =>
        {
            if (sheet == Sheets.Uniones && row == 5) throw new SqliteException("disk I/O error", 10);
        };

        Expect.Error(await Define(plant, S1, [U(1, 2, "BW"), U(2, 2.5m, "BR"), U(3, 1.5m, "SO"), U(6, 6, "MIT")]), ErrorCode.ALMACEN_NO_DISPONIBLE);

        plant.Workbook.AfterRowWritten = null;
        Assert.Empty(await plant.ChangesSinceAsync(image));
    }
}
