using Microsoft.Extensions.DependencyInjection;
using Zeues.Core.Coordination;
using Zeues.Core.Domain;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Workflows;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Two_simultaneous_starts_of_one_spool_let_exactly_one_win_and_name_the_winner_to_the_other()
    {
        await using var plant = await TestPlant.CreateAsync();

        var results = await Task.WhenAll(
            plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM),
            plant.RunAsync(CommandType.INICIAR, S1, MR, Operacion.ARM));

        var winner = Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(Resultado.INICIADO, winner.Outcome!.Resultado);
        Assert.Equal(ErrorCode.SPOOL_OCUPADO, loser.Error!.Code);
        var occupant = await plant.CellAsync(S1, Col.OcupadoPor);
        Assert.Equal(occupant, loser.Error.Data["ocupante"]);
        Assert.Single(await plant.AuditRowsAsync(), r => Equals(r.Tag, S1));
    }

    [Fact]
    public async Task Many_simultaneous_starts_of_one_spool_record_a_single_occupation()
    {
        await using var plant = await TestPlant.CreateAsync();
        var workers = new[] { NR, MR, JP, NR, MR, JP, NR, MR, JP };

        var results = await Task.WhenAll(workers.Select(w => plant.RunAsync(CommandType.INICIAR, S1, w, Operacion.ARM)));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ErrorCode.SPOOL_OCUPADO, r.Error!.Code));
        Assert.Single(await plant.AuditRowsAsync(), r => Equals(r.Tag, S1));
    }

    [Fact]
    public async Task A_command_that_cannot_get_the_spool_lock_in_time_answers_conflicto_concurrente()
    {
        await using var plant = await TestPlant.CreateAsync(settings: new Dictionary<string, string?> { ["Zeues:Locks:WaitSeconds"] = "0" });
        var locks = plant.Services.GetRequiredService<ISpoolLocks>();
        var lease = await locks.AcquireAsync(S1, TimeSpan.FromSeconds(30), TimeSpan.Zero);
        Assert.NotNull(lease);
        var image = await plant.CaptureAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM), ErrorCode.CONFLICTO_CONCURRENTE);

        Assert.Equal($"Otra persona está registrando en el spool {S1} en este momento. Intenta de nuevo en unos segundos.", error.Message);
        Assert.Equal(409, error.Status);
        Assert.Empty(await plant.ChangesSinceAsync(image));
        await locks.ReleaseAsync(lease!);
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM));
    }
}
