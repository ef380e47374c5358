using Zeues.Core.Domain;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Workflows;

/// <summary>FLOOR F5: a command captured offline carries the device time of capture in its Metadata JSON.</summary>
public sealed class OfflineCaptureTimeTests
{
    [Fact]
    public async Task Every_metadata_row_of_a_replayed_command_carries_capturado_offline_and_an_online_one_does_not()
    {
        await using var plant = await TestPlant.CreateAsync();
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM));
        var captured = new DateTimeOffset(2026, 1, 22, 12, 40, 5, TimeSpan.Zero);

        var outcome = Expect.Ok(await plant.Commands.ExecuteAsync(new CommandRequest(Guid.NewGuid(), CommandType.FINALIZAR, S1, Actor.ForWorker(NR),
            Operacion.ARM, ["001+1", "001+2"], CapturadoOffline: captured)));

        var rows = await plant.AuditRowsAsync(outcome.CommandId);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal("2026-01-22T12:40:05Z", r.Json("capturado_offline")));
        var online = await plant.AuditRowsAsync(Guid.Parse((await plant.ReadAsync()).Metadata.First(e => e.EventoTipo == "INICIAR_SPOOL" && e.Tag == S1).Id!));
        Assert.All(online, r => Assert.Null(r.Json("capturado_offline")));
    }
}
