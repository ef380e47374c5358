using Microsoft.Extensions.DependencyInjection;
using Zeues.Core.Queries;
using Zeues.Core.Domain;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Workflows;

public sealed class SchemaDriftTests
{
    private static IEnumerable<Func<TestPlant, Task<CommandResult>>> EveryKindOfWrite() =>
    [
        p => p.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM),
        p => p.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, ["002+2"]),
        p => p.RunAsync(CommandType.CANCELAR, S5, CP, Operacion.SOLD),
        p => p.RunAsync(CommandType.PAUSAR, S8, MR, Operacion.REPARACION),
        p => p.RunAsync(CommandType.METROLOGIA, S6, JM, resultado: ResultadoMetrologia.APROBADO),
        p => p.RunAsync(CommandType.NOTA, S3, NR, texto: "revisar bisel"),
        p => p.SupervisorAsync(CommandType.LIBERAR, S5, "turno terminado"),
        p => p.SupervisorAsync(CommandType.DESBLOQUEAR, S12, "revisión con calidad"),
    ];

    [Fact]
    public async Task A_renamed_ocupado_por_column_blocks_every_write_naming_the_column()
    {
        await using var plant = await TestPlant.CreateAsync();
        await plant.RenameColumnAsync(Sheets.Operaciones, Col.OcupadoPor, "Ocupante");
        await plant.Cache.ReloadAsync();
        var image = await plant.CaptureAsync();

        foreach (var write in EveryKindOfWrite())
        {
            var error = Expect.Error(await write(plant), ErrorCode.ESQUEMA_INVALIDO);
            Assert.Equal("Operaciones", error.Data["hoja"]);
            Assert.Equal("Ocupado_Por", error.Data["columna"]);
            Assert.Equal(503, error.Status);
            Assert.Equal("Falta la columna \"Ocupado_Por\" en la hoja Operaciones. No se puede registrar trabajo hasta corregir la planilla. Avisa al supervisor.",
                error.Message);
        }

        Assert.Empty(await plant.ChangesSinceAsync(image));
        Assert.Equal(5, (await plant.Cache.GetAsync()).ActiveWorkers.Count());
    }

    [Fact]
    public async Task A_column_renamed_after_the_snapshot_was_loaded_is_caught_by_the_commands_own_read()
    {
        await using var plant = await TestPlant.CreateAsync();
        await plant.Cache.GetAsync();
        await plant.RenameColumnAsync(Sheets.Operaciones, Col.OcupadoPor, "Ocupante");
        var image = await plant.CaptureAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM), ErrorCode.ESQUEMA_INVALIDO);

        Assert.Equal("Ocupado_Por", error.Data["columna"]);
        Assert.Empty(await plant.ChangesSinceAsync(image));
    }

    [Fact]
    public async Task A_tag_header_with_a_barcode_alias_and_an_unaccented_metrology_header_still_resolve()
    {
        await using var plant = await TestPlant.CreateAsync();
        await plant.RenameColumnAsync(Sheets.Operaciones, Col.TagSpool, "TAG_SPOOL / CODIGO_BARRA");
        await plant.RenameColumnAsync(Sheets.Operaciones, Col.FechaQc, "Fecha_QC_Metrologia");
        await plant.Cache.ReloadAsync();

        Expect.Ok(await plant.RunAsync(CommandType.METROLOGIA, S6, JM, resultado: ResultadoMetrologia.APROBADO));
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM));

        var sheet = await plant.SheetAsync(Sheets.Operaciones);
        Assert.Contains("TAG_SPOOL / CODIGO_BARRA", sheet.Header.Headers);
        Assert.Contains("Fecha_QC_Metrologia", sheet.Header.Headers);
        Assert.Equal("22-01-2026", await plant.CellAsync(S6, "Fecha_QC_Metrologia"));
        Assert.Equal("NR(94)", await plant.CellAsync(S1, Col.OcupadoPor));
    }

    [Fact]
    public async Task Columns_inserted_by_the_office_change_nothing_about_the_cells_a_command_writes()
    {
        await using var plant = await TestPlant.CreateAsync();
        await plant.InsertColumnAsync(Sheets.Operaciones, 0, "Columna_Oficina");
        await plant.InsertColumnAsync(Sheets.Uniones, 3, "Comentario");
        await plant.InsertColumnAsync(Sheets.Metadata, 0, "Extra");
        await plant.Cache.ReloadAsync();
        var image = await plant.CaptureAsync();
        var id = Guid.NewGuid();

        Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, ["002+2", "002+3"], commandId: id));

        var changes = await plant.ChangesSinceAsync(image);
        Assert.Equal(["3:Armador", "3:Estado_Detalle", "3:Fecha_Armado", "3:Fecha_Ocupacion", "3:Ocupado_Por", "3:Pulgadas_ARM", "3:Uniones_ARM_Completadas"],
            changes.Cells(Sheets.Operaciones));
        Assert.Equal(["7:ARM_FECHA_FIN", "7:ARM_FECHA_INICIO", "7:ARM_WORKER", "8:ARM_FECHA_FIN", "8:ARM_FECHA_INICIO", "8:ARM_WORKER"],
            changes.Cells(Sheets.Uniones));
        Assert.DoesNotContain(changes, c => c.Column == "Extra");
        Assert.Equal("22-01-2026 08:15:00", await plant.UnionCellAsync(S2, 2, Col.ArmInicio));
        Assert.Equal("MR(93)", await plant.CellAsync(S2, Col.Armador));
        Assert.Equal("NV0650", await plant.CellAsync(S2, Col.Nv));
        var rows = await plant.AuditRowsAsync(id);
        Assert.Equal(["COMPLETAR_SPOOL", "UNION_ARM_REGISTRADA", "UNION_ARM_REGISTRADA"], rows.Select(r => r.EventoTipo));
        Assert.Equal(93d, rows[0].WorkerId);
        var entries = (await plant.ReadAsync()).Metadata.Where(e => e.Id == id.ToString("D")).ToList();
        Assert.All(entries, e => Assert.True(e.Legible));
    }

    [Fact]
    public async Task Without_a_critical_column_the_lists_and_the_board_answer_esquema_invalido_naming_it()
    {
        await using var plant = await TestPlant.CreateAsync();
        await plant.RenameColumnAsync(Sheets.Operaciones, Col.OcupadoPor, "Ocupante");
        await plant.Cache.ReloadAsync();
        var lists = plant.Services.GetRequiredService<SpoolLists>();

        foreach (var op in new[] { Operacion.ARM, Operacion.SOLD, Operacion.METROLOGIA, Operacion.REPARACION })
        {
            var error = (await Assert.ThrowsAsync<ZeuesException>(() => lists.GetAsync(op, ListAccion.INICIAR))).Error;
            Assert.Equal((ErrorCode.ESQUEMA_INVALIDO, "Ocupado_Por"), (error.Code, error.Data["columna"]));
        }
        Assert.Equal(ErrorCode.ESQUEMA_INVALIDO, (await Assert.ThrowsAsync<ZeuesException>(() => lists.MineAsync(MR))).Error.Code);
        var board = (await Assert.ThrowsAsync<ZeuesException>(() => plant.Services.GetRequiredService<DashboardQuery>().GetAsync())).Error;
        Assert.Equal((ErrorCode.ESQUEMA_INVALIDO, "Operaciones", "Ocupado_Por"), (board.Code, board.Data["hoja"], board.Data["columna"]));
        Assert.Empty(SpoolLists.ForSupervisor(await plant.Cache.GetAsync(), CommandType.LIBERAR, plant.Clock.Now));
    }
}
