using Microsoft.Data.Sqlite;
using Zeues.Core.Domain;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Workbook;

/// <summary>Failures injected inside the SQLite transaction of a command (the store-specific half of atomicity).</summary>
public sealed class SqliteCommandAtomicityTests
{
    /// <summary>A store that stays down through every retry.</summary>
    private static void FailEveryWrite(TestPlant plant, Exception failure) => plant.Workbook.AfterRowWritten = (_, _) => throw failure;

    private static void FailAfterFirstRow(TestPlant plant, Exception failure)
    {
        var written = 0;
        plant.Workbook.AfterRowWritten = (_, _) =>
        {
            if (++written == 1) throw failure;
        };
    }

    [Fact]
    public async Task A_failure_inside_the_batch_leaves_no_cell_and_no_audit_row()
    {
        await using var plant = await TestPlant.CreateAsync(provider: "Sqlite");
        var image = await plant.CaptureAsync();
        FailAfterFirstRow(plant, new InvalidOperationException("boom: disk on fire"));

        var error = Expect.Error(await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, ["002+2", "002+3"]), ErrorCode.ERROR_INTERNO);

        plant.Workbook.AfterRowWritten = null;
        Assert.Empty(await plant.ChangesSinceAsync(image));
        Assert.Equal(500, error.Status);
        Assert.StartsWith("Ocurrió un error inesperado. Intenta de nuevo; si se repite, avisa al supervisor (ref. ", error.Message);
        Assert.DoesNotContain("boom", error.Message);
    }

    [Fact]
    public async Task A_store_failure_inside_the_batch_answers_almacen_no_disponible_with_nothing_half_written()
    {
        await using var plant = await TestPlant.CreateAsync(provider: "Sqlite");
        var image = await plant.CaptureAsync();
        FailEveryWrite(plant, new SqliteException("disk I/O error", 10));

        var error = Expect.Error(await plant.RunAsync(CommandType.FINALIZAR, S5, CP, Operacion.SOLD, ["005+2", "005+3"]), ErrorCode.ALMACEN_NO_DISPONIBLE);

        plant.Workbook.AfterRowWritten = null;
        Assert.Empty(await plant.ChangesSinceAsync(image));
        Assert.Equal(503, error.Status);
        Assert.Equal("No se pudo conectar con la planilla. Intenta de nuevo en unos segundos: el reintento no duplica el registro.", error.Message);
    }

    [Fact]
    public async Task A_failed_command_leaves_no_id_behind_so_its_retry_is_evaluated_and_applied()
    {
        await using var plant = await TestPlant.CreateAsync(provider: "Sqlite");
        var id = Guid.NewGuid();
        FailEveryWrite(plant, new SqliteException("disk I/O error", 10));
        Expect.Error(await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, ["002+2", "002+3"], commandId: id), ErrorCode.ALMACEN_NO_DISPONIBLE);
        plant.Workbook.AfterRowWritten = null;

        var retry = Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, ["002+2", "002+3"], commandId: id));

        Assert.False(retry.Replay);
        Assert.Equal(Resultado.COMPLETADO, retry.Resultado);
        Assert.Equal(3, (await plant.AuditRowsAsync(id)).Count);
        Assert.Equal("22-01-2026", await plant.CellAsync(S2, Col.FechaArmado));
    }

    [Fact]
    public async Task A_transient_store_failure_is_retried_and_the_command_lands_once()
    {
        await using var plant = await TestPlant.CreateAsync(provider: "Sqlite");
        var failures = 0;
        plant.Workbook.AfterRowWritten = (_, _) =>
        {
            if (failures++ == 0) throw new SqliteException("database is locked", 5);
        };
        var id = Guid.NewGuid();

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, ["002+2", "002+3"], commandId: id));

        plant.Workbook.AfterRowWritten = null;
        Assert.Equal(Resultado.COMPLETADO, outcome.Resultado);
        Assert.Equal(3, (await plant.AuditRowsAsync(id)).Count);
    }

    [Fact]
    public async Task A_failed_batch_does_not_change_what_the_snapshot_shows()
    {
        await using var plant = await TestPlant.CreateAsync(provider: "Sqlite");
        FailAfterFirstRow(plant, new InvalidOperationException("boom"));

        Expect.Error(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM), ErrorCode.ERROR_INTERNO);

        plant.Workbook.AfterRowWritten = null;
        Assert.False((await plant.Cache.GetAsync()).Find(S1)!.IsOccupied);
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, MR, Operacion.ARM));
    }

    [Fact]
    public async Task A_refused_command_writes_nothing_at_all()
    {
        await using var plant = await TestPlant.CreateAsync(provider: "Sqlite");
        var written = 0;
        plant.Workbook.AfterRowWritten = (_, _) => written++;

        Expect.Error(await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, ["002+1", "002+2"]), ErrorCode.UNIONES_NO_DISPONIBLES);

        Assert.Equal(0, written);
    }
}
