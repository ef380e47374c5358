using Zeues.Core.Domain;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Workflows;

public sealed class IniciarTests
{
    [Fact]
    public async Task Iniciar_arm_on_a_free_v4_spool_occupies_it_and_writes_one_audit_row()
    {
        await using var plant = await TestPlant.CreateAsync();
        var before = await plant.MetadataCountAsync();

        var result = await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM);

        Assert.Null(result.Error);
        Assert.Equal(Resultado.INICIADO, result.Outcome!.Resultado);
        Assert.Equal("NR(94)", await plant.CellAsync(S1, Col.OcupadoPor));
        Assert.Equal("22-01-2026 10:00:00", await plant.CellAsync(S1, Col.FechaOcupacion));
        Assert.Equal("NR(94)", await plant.CellAsync(S1, Col.Armador));
        Assert.Equal("NR(94) trabajando ARM (ARM en progreso, SOLD pendiente)", await plant.CellAsync(S1, Col.EstadoDetalle));
        Assert.Equal(before + 1, await plant.MetadataCountAsync());
    }
}
