using Zeues.Core.Domain;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Workflows;

public sealed class BatchIniciarTests
{
    [Fact]
    public async Task Batch_iniciar_starts_every_free_spool_and_reports_the_one_that_failed()
    {
        await using var plant = await TestPlant.CreateAsync();
        var before = await plant.MetadataCountAsync();

        var result = await plant.Commands.StartManyAsync(Guid.NewGuid(), [S1, S2, S3, S9], Actor.ForWorker(NR), Operacion.ARM);

        Assert.Null(result.Error);
        Assert.Equal("3 de 4 spools iniciados (1 con error)", result.Resumen);
        Assert.Equal([S1, S2, S3, S9], result.Items.Select(i => i.Tag));
        Assert.Equal([true, false, true, true], result.Items.Select(i => i.Result.Succeeded));
        Assert.Equal(ErrorCode.SPOOL_OCUPADO, result.Items[1].Result.Error!.Code);
        Assert.Equal("MR(93)", result.Items[1].Result.Error!.Data["ocupante"]);
        foreach (var tag in new[] { S1, S3, S9 }) Assert.Equal("NR(94)", await plant.CellAsync(tag, Col.OcupadoPor));
        Assert.Equal("MR(93)", await plant.CellAsync(S2, Col.OcupadoPor));
        Assert.Equal(before + 3, await plant.MetadataCountAsync());
        var ids = result.Items.Where(i => i.Result.Succeeded).Select(i => i.Result.Outcome!.CommandId).ToList();
        Assert.Equal(3, ids.Distinct().Count());
    }

    [Fact]
    public async Task Batch_iniciar_without_errors_has_no_error_suffix()
    {
        await using var plant = await TestPlant.CreateAsync();

        var result = await plant.Commands.StartManyAsync(Guid.NewGuid(), [S4, S10], Actor.ForWorker(CP), Operacion.SOLD);

        Assert.Equal("2 de 2 spools iniciados", result.Resumen);
    }

    [Fact]
    public async Task Retrying_the_same_batch_replays_the_started_spools_and_writes_nothing()
    {
        await using var plant = await TestPlant.CreateAsync();
        var batchId = Guid.NewGuid();
        await plant.Commands.StartManyAsync(batchId, [S1, S2, S3, S9], Actor.ForWorker(NR), Operacion.ARM);
        var image = await plant.CaptureAsync();

        var retry = await plant.Commands.StartManyAsync(batchId, [S1, S2, S3, S9], Actor.ForWorker(NR), Operacion.ARM);

        Assert.Equal("3 de 4 spools iniciados (1 con error)", retry.Resumen);
        Assert.All(retry.Items.Where(i => i.Result.Succeeded), i => Assert.True(i.Result.Outcome!.Replay));
        Assert.Empty(await plant.ChangesSinceAsync(image));
    }

    [Fact]
    public async Task Two_batch_starts_of_one_tag_without_a_client_id_both_execute()
    {
        await using var plant = await TestPlant.CreateAsync();

        var first = await plant.Commands.StartManyAsync(Guid.Empty, [S1], Actor.ForWorker(NR), Operacion.ARM);
        Expect.Ok(await plant.RunAsync(CommandType.CANCELAR, S1, NR, Operacion.ARM));
        var second = await plant.Commands.StartManyAsync(Guid.Empty, [S1], Actor.ForWorker(NR), Operacion.ARM);

        Assert.False(Expect.Ok(first.Items.Single().Result).Replay);
        Assert.False(Expect.Ok(second.Items.Single().Result).Replay);
        Assert.NotEqual(first.Items.Single().Result.Outcome!.CommandId, second.Items.Single().Result.Outcome!.CommandId);
        Assert.Equal(2, (await plant.AuditRowsAsync()).Count(r => Equals(r.Tag, S1) && Equals(r.EventoTipo, "INICIAR_SPOOL")));
    }

    [Fact]
    public async Task Batch_iniciar_refuses_an_empty_selection_and_more_than_fifty_spools()
    {
        await using var plant = await TestPlant.CreateAsync();

        var empty = await plant.Commands.StartManyAsync(Guid.NewGuid(), [], Actor.ForWorker(NR), Operacion.ARM);
        var tooMany = await plant.Commands.StartManyAsync(Guid.NewGuid(), Enumerable.Repeat(S1, 51).ToList(), Actor.ForWorker(NR), Operacion.ARM);

        Assert.Equal(ErrorCode.DATOS_INVALIDOS, empty.Error!.Code);
        Assert.Equal(ErrorCode.DATOS_INVALIDOS, tooMany.Error!.Code);
        Assert.Null(await plant.CellAsync(S1, Col.OcupadoPor));
    }

    [Fact]
    public async Task Batch_iniciar_by_a_worker_without_the_role_fails_every_item()
    {
        await using var plant = await TestPlant.CreateAsync();

        var result = await plant.Commands.StartManyAsync(Guid.NewGuid(), [S1, S3], Actor.ForWorker(CP), Operacion.ARM);

        Assert.Equal("0 de 2 spools iniciados (2 con error)", result.Resumen);
        Assert.All(result.Items, i => Assert.Equal(ErrorCode.ROL_NO_AUTORIZADO, i.Result.Error!.Code));
    }
}
