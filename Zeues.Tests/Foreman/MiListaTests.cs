using Microsoft.Extensions.DependencyInjection;
using Zeues.Core.Domain;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Foreman;

/// <summary>FLOOR F2 "Mi lista": pinned TAGs and NVs kept in the workbook sheet Listas.</summary>
public sealed class MiListaTests
{
    private const string Ana = "Ana Supervisora";

    private static async Task<TestPlant> PlantWithListasAsync(string? provider = null)
    {
        var plant = await TestPlant.CreateAsync(provider: provider);
        // On Google the office adds the sheet; the embedded workbook creates it.
        plant.FakeSheets?.AddSheet(Sheets.Listas, WorkbookSchema.ListasHeaders);
        return plant;
    }

    [Fact]
    public async Task Pinned_tags_and_nvs_are_stored_in_listas_and_read_by_any_node()
    {
        await using var plant = await PlantWithListasAsync();
        var lists = plant.Services.GetRequiredService<SupervisorLists>();
        var metadata = await plant.MetadataCountAsync();

        await lists.AddAsync(Ana, S3.ToLowerInvariant());
        await lists.AddAsync(Ana, "nv0651");
        await lists.AddAsync(Ana, S3);
        await lists.AddAsync("Otro Supervisor", S1);

        await using var node = plant.NewNode();
        var mine = await node.GetRequiredService<SupervisorLists>().GetAsync(Ana);
        Assert.Equal([(S3, TipoLista.TAG), ("NV0651", TipoLista.NV)], mine.Entradas.Select(e => (e.Clave, e.Tipo)));
        Assert.Equal([S3, S6, S4, S5], mine.Spools(await plant.ReadAsync()).Select(s => s.Tag));
        var sheet = await plant.SheetAsync(Sheets.Listas);
        Assert.Equal(3, sheet.Rows.Count);
        Assert.Equal("22-01-2026 10:00:00", CellReader.Text(sheet.Get(sheet.Rows[0], Col.Agregado)));
        Assert.Equal(metadata, await plant.MetadataCountAsync());
    }

    [Fact]
    public async Task Removing_a_pin_deletes_its_row_and_keeps_the_others()
    {
        await using var plant = await PlantWithListasAsync();
        var lists = plant.Services.GetRequiredService<SupervisorLists>();
        await lists.AddAsync(Ana, S1);
        await lists.AddAsync(Ana, S3);
        await lists.AddAsync("Otro Supervisor", S4);

        var after = await lists.RemoveAsync(Ana, S1);

        Assert.Equal([S3], after.Entradas.Select(e => e.Clave));
        var sheet = await plant.SheetAsync(Sheets.Listas);
        Assert.Equal([S3, S4], sheet.Rows.Select(r => CellReader.Text(sheet.Get(r, Col.Clave))));
        Assert.Equal([S4], (await lists.GetAsync("otro supervisor")).Entradas.Select(e => e.Clave));
    }

    [Fact]
    public async Task Pinning_something_that_is_neither_a_tag_nor_an_nv_is_refused()
    {
        await using var plant = await PlantWithListasAsync();

        var error = await Assert.ThrowsAsync<ZeuesException>(() => plant.Services.GetRequiredService<SupervisorLists>().AddAsync(Ana, "NO-EXISTE"));

        Assert.Equal(ErrorCode.DATOS_INVALIDOS, error.Error.Code);
    }

    [Fact]
    public async Task On_google_a_missing_listas_sheet_turns_off_only_the_list()
    {
        await using var plant = await TestPlant.CreateAsync(provider: "GoogleSheets");
        var lists = plant.Services.GetRequiredService<SupervisorLists>();

        var lista = await lists.GetAsync(Ana);

        Assert.False(lista.Disponible);
        Assert.Equal("Falta la hoja Listas en la planilla", lista.Error);
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM));
    }

    [Fact]
    public async Task On_google_a_removal_is_one_batch_update_with_a_delete_dimension()
    {
        await using var plant = await PlantWithListasAsync("GoogleSheets");
        var lists = plant.Services.GetRequiredService<SupervisorLists>();
        await lists.AddAsync(Ana, S1);
        await lists.AddAsync(Ana, S3);
        var fake = plant.FakeSheets!;
        var before = fake.BatchUpdateKinds.Count;

        await lists.RemoveAsync(Ana, S1);

        Assert.Equal([["deleteDimension"]], fake.BatchUpdateKinds.Skip(before));
        Assert.Empty(fake.Violations);
        Assert.Equal([S3], fake.Rows(Sheets.Listas).Skip(1).Select(r => CellReader.Text(r[1])));
    }
}
