using Zeues.Core.Domain;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Workbook;

public sealed class FixtureReadingTests
{
    [Fact]
    public async Task Only_active_workers_exist_with_their_tokens_and_operations()
    {
        await using var plant = await TestPlant.CreateAsync();
        var read = await plant.ReadAsync();

        Assert.Equal(["CP(95)", "JM(96)", "JP(97)", "MR(93)", "NR(94)"], read.ActiveWorkers.Select(w => w.Token).Order());
        Assert.Equal([Operacion.ARM, Operacion.REPARACION], read.Workers[NR].Operaciones);
        Assert.Equal([Operacion.ARM, Operacion.SOLD], read.Workers[JP].Operaciones);
        Assert.False(read.Workers[Inactive].Activo);
    }

    [Fact]
    public async Task Display_state_counts_match_the_fixture()
    {
        await using var plant = await TestPlant.CreateAsync();
        var counts = (await plant.ReadAsync()).Spools.GroupBy(s => DisplayInfo.Of(s).State).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(4, counts[DisplayState.LIBRE]);
        Assert.Equal(2, counts[DisplayState.EN_PROGRESO]);
        Assert.Equal(4, counts[DisplayState.PAUSADO]);
        Assert.Equal(2, counts[DisplayState.PENDIENTE_METROLOGIA]);
        Assert.Equal(1, counts[DisplayState.APROBADO]);
        Assert.Equal(1, counts[DisplayState.RECHAZADO]);
        Assert.Equal(1, counts[DisplayState.EN_REPARACION]);
        Assert.Equal(1, counts[DisplayState.BLOQUEADO]);
        Assert.Equal(2, counts[DisplayState.ERROR_DATOS]);
    }

    [Fact]
    public async Task Unparseable_rows_become_data_errors_on_their_tag_never_dropped()
    {
        await using var plant = await TestPlant.CreateAsync();
        var read = await plant.ReadAsync();

        var s16 = read.Find(S16)!.DataErrors.Single();
        Assert.Equal(("Uniones", "DN_UNION", ""), (s16.Hoja, s16.Columna, s16.Valor));
        var s17 = read.Find(S17)!.DataErrors.Single();
        Assert.Equal(("Operaciones", "Fecha_Materiales", "pendiente"), (s17.Hoja, s17.Columna, s17.Valor));
    }

    [Fact]
    public async Task Version_comes_from_union_rows_and_serials_read_as_times()
    {
        await using var plant = await TestPlant.CreateAsync();
        var read = await plant.ReadAsync();

        Assert.Equal(SpoolVersion.V4, read.Find(S18)!.Version);
        Assert.True(read.Find(S18)!.SoldNoAplica);
        Assert.Equal(SpoolVersion.V3, read.Find(S9)!.Version);
        Assert.False(read.Find(S9)!.IsOccupied);
        Assert.Equal(new DateTime(2026, 1, 22, 7, 40, 0), read.Find(S5)!.FechaOcupacion);
        Assert.Equal(new DateOnly(2025, 12, 20), read.Find(S9)!.FechaMateriales);
    }
}
