using Zeues.Core.Domain;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Workflows;

public sealed class DataErrorTests
{
    public static TheoryData<CommandType, int, Operacion?, string?> Commands => new()
    {
        { CommandType.INICIAR, NR, Operacion.ARM, null },
        { CommandType.INICIAR, CP, Operacion.SOLD, null },
        { CommandType.INICIAR, MR, Operacion.REPARACION, null },
        { CommandType.FINALIZAR, NR, Operacion.ARM, null },
        { CommandType.PAUSAR, NR, Operacion.ARM, null },
        { CommandType.COMPLETAR, NR, Operacion.ARM, null },
        { CommandType.CANCELAR, NR, Operacion.ARM, null },
        { CommandType.PAUSAR, MR, Operacion.REPARACION, null },
        { CommandType.METROLOGIA, JM, null, null },
        { CommandType.LIBERAR, 0, null, "motivo válido" },
        { CommandType.DESBLOQUEAR, 0, null, "motivo válido" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_but_nota_on_a_spool_with_an_invalid_union_names_the_dn_union_cell(
        CommandType type, int worker, Operacion? op, string? motivo)
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        var error = Expect.Error(await Run(plant, type, S16, worker, op, motivo), ErrorCode.DATOS_INVALIDOS);

        Assert.Equal("Uniones", error.Data["hoja"]);
        Assert.Equal("DN_UNION", error.Data["columna"]);
        Assert.Equal(26, error.Data["fila"]);
        Assert.Equal(422, error.Status);
        Assert.Empty(await plant.ChangesSinceAsync(image));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_but_nota_on_a_spool_with_an_unreadable_date_names_the_cell_and_its_value(
        CommandType type, int worker, Operacion? op, string? motivo)
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        var error = Expect.Error(await Run(plant, type, S17, worker, op, motivo), ErrorCode.DATOS_INVALIDOS);

        Assert.Equal("Operaciones", error.Data["hoja"]);
        Assert.Equal("Fecha_Materiales", error.Data["columna"]);
        Assert.Equal("pendiente", error.Data["valor"]);
        Assert.Equal(
            $"El spool {S17} tiene datos que no se pueden leer: Operaciones fila 18, columna Fecha_Materiales = \"pendiente\". Pide a la oficina que corrija la planilla.",
            error.Message);
        Assert.Empty(await plant.ChangesSinceAsync(image));
    }

    [Fact]
    public async Task The_invalid_union_is_described_with_its_union_number()
    {
        await using var plant = await TestPlant.CreateAsync();

        var spool = (await plant.ReadAsync()).Find(S16)!;

        Assert.Contains("N_UNION 2", Assert.Single(spool.DataErrors).Descripcion);
    }

    private static Task<CommandResult> Run(TestPlant plant, CommandType type, string tag, int worker, Operacion? op, string? motivo) =>
        motivo is not null
            ? plant.SupervisorAsync(type, tag, motivo)
            : plant.RunAsync(type, tag, worker, op, type == CommandType.FINALIZAR ? [] : null,
                type == CommandType.METROLOGIA ? ResultadoMetrologia.APROBADO : null);
}
