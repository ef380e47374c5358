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

    [Fact]
    public async Task Iniciar_writes_only_the_occupation_cells_and_no_union_cell()
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM));

        var changes = await plant.ChangesSinceAsync(image);
        Assert.Equal(["2:Armador", "2:Estado_Detalle", "2:Fecha_Ocupacion", "2:Ocupado_Por"], changes.Cells(Sheets.Operaciones));
        Assert.Empty(changes.Cells(Sheets.Uniones));
        Assert.Equal(10, changes.Count(c => c.Sheet == Sheets.Metadata && c.Row == 9));
    }

    [Fact]
    public async Task Iniciar_records_an_iniciar_spool_event_with_the_occupation_in_its_json()
    {
        await using var plant = await TestPlant.CreateAsync();
        var id = Guid.NewGuid();

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM, commandId: id));

        var row = Assert.Single(await plant.AuditRowsAsync(id));
        Assert.Equal(id.ToString("D"), row.Id);
        Assert.Equal("22-01-2026 10:00:00", row.Timestamp);
        Assert.Equal("INICIAR_SPOOL", row.EventoTipo);
        Assert.Equal(S1, row.Tag);
        Assert.Equal(94d, row.WorkerId);
        Assert.Equal("NR(94)", row.WorkerNombre);
        Assert.Equal("ARM", row.Operacion);
        Assert.Equal("INICIAR", row.Accion);
        Assert.Equal("22-01-2026", row.FechaOperacion);
        Assert.Null(row.NUnion);
        Assert.Equal("INICIAR", row.Json("comando"));
        Assert.Equal("NR(94)", row.Json("ocupado_por"));
        Assert.Equal("22-01-2026 10:00:00", row.Json("fecha_ocupacion"));
        Assert.Equal("NR(94) trabajando ARM (ARM en progreso, SOLD pendiente)", row.Json("estado_detalle"));
        Assert.Equal("v4.0", row.Json("version_spool"));
        Assert.Equal($"Spool {S1} iniciado: ARMADO por NR(94)", outcome.Mensaje);
        Assert.Equal(DisplayState.EN_PROGRESO, outcome.DisplayState);
        Assert.False(outcome.Replay);
    }

    [Fact]
    public async Task Iniciar_by_a_worker_without_the_role_is_refused_and_writes_nothing()
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.INICIAR, S1, CP, Operacion.ARM), ErrorCode.ROL_NO_AUTORIZADO);

        Assert.Equal(403, error.Status);
        Assert.StartsWith("CP(95) no tiene un rol habilitado para ARMADO", error.Message);
        Assert.Empty(await plant.ChangesSinceAsync(image));
    }

    [Fact]
    public async Task Iniciar_by_an_inactive_worker_is_refused_with_worker_inactivo()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.INICIAR, S1, Inactive, Operacion.SOLD), ErrorCode.WORKER_INACTIVO);

        Assert.Equal("El trabajador 98 no está activo. Consulta a tu supervisor.", error.Message);
        Assert.Equal(403, error.Status);
    }

    [Fact]
    public async Task Iniciar_by_an_unknown_worker_is_refused_with_worker_no_encontrado()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.INICIAR, S1, Unknown, Operacion.ARM), ErrorCode.WORKER_NO_ENCONTRADO);

        Assert.Equal("No se encontró el trabajador con ID 99.", error.Message);
        Assert.Equal(404, error.Status);
    }

    [Fact]
    public async Task Only_the_five_active_workers_are_listed()
    {
        await using var plant = await TestPlant.CreateAsync();

        var workers = (await plant.Cache.GetAsync()).ActiveWorkers.Select(w => w.Token).Order(StringComparer.Ordinal);

        Assert.Equal(["CP(95)", "JM(96)", "JP(97)", "MR(93)", "NR(94)"], workers);
    }

    [Fact]
    public async Task Iniciar_on_an_unknown_tag_is_refused_with_spool_no_encontrado()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.INICIAR, "MK-NO-EXISTE", NR, Operacion.ARM), ErrorCode.SPOOL_NO_ENCONTRADO);

        Assert.Equal("No se encontró el spool MK-NO-EXISTE. Verifica el TAG.", error.Message);
        Assert.Equal(404, error.Status);
    }

    [Fact]
    public async Task Iniciar_on_a_spool_occupied_by_someone_else_names_the_occupant()
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.INICIAR, S2, NR, Operacion.ARM), ErrorCode.SPOOL_OCUPADO);

        Assert.Equal("MR(93)", error.Data["ocupante"]);
        Assert.Equal("22-01-2026 08:15:00", error.Data["fechaOcupacion"]);
        Assert.Equal($"El spool {S2} ya está ocupado por MR(93). Espera a que termine o elige otro spool.", error.Message);
        Assert.Equal(409, error.Status);
        Assert.Empty(await plant.ChangesSinceAsync(image));
    }

    [Fact]
    public async Task Iniciar_without_fecha_materiales_is_refused_with_dependencias()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.INICIAR, S13, NR, Operacion.ARM), ErrorCode.DEPENDENCIAS_NO_SATISFECHAS);

        Assert.Equal($"No se puede iniciar ARMADO en {S13}: falta Fecha_Materiales.", error.Message);
        Assert.Equal(400, error.Status);
    }

    [Fact]
    public async Task Iniciar_on_a_blocked_spool_is_refused_with_spool_bloqueado()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.INICIAR, S12, NR, Operacion.ARM), ErrorCode.SPOOL_BLOQUEADO);

        Assert.Equal($"El spool {S12} está BLOQUEADO después de 3 rechazos de metrología. Contacta al supervisor.", error.Message);
        Assert.Equal(403, error.Status);
    }

    [Fact]
    public async Task Iniciar_arm_when_every_union_is_armed_is_refused_with_operacion_ya_completada()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.INICIAR, S4, NR, Operacion.ARM), ErrorCode.OPERACION_YA_COMPLETADA);

        Assert.Equal($"ARMADO ya está completado en el spool {S4}.", error.Message);
    }

    [Fact]
    public async Task Iniciar_sold_on_a_v4_spool_without_armed_unions_is_refused_with_dependencias()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.INICIAR, S1, CP, Operacion.SOLD), ErrorCode.DEPENDENCIAS_NO_SATISFECHAS);

        Assert.EndsWith(": no hay uniones armadas pendientes de soldar.", error.Message);
    }

    [Fact]
    public async Task Iniciar_sold_on_a_v3_spool_without_fecha_armado_is_refused_with_dependencias()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.INICIAR, S9, CP, Operacion.SOLD), ErrorCode.DEPENDENCIAS_NO_SATISFECHAS);

        Assert.EndsWith(": ARM no completado (Fecha_Armado vacía).", error.Message);
    }

    [Fact]
    public async Task Iniciar_sold_on_a_spool_without_sold_required_unions_says_it_needs_no_welding()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.INICIAR, S18, CP, Operacion.SOLD), ErrorCode.OPERACION_YA_COMPLETADA);

        Assert.Equal($"El spool {S18} no requiere soldadura", error.Message);
    }

    [Fact]
    public async Task Iniciar_sold_on_a_partly_armed_spool_sets_the_soldador_and_keeps_arm_paused()
    {
        await using var plant = await TestPlant.CreateAsync();

        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S3, CP, Operacion.SOLD));

        Assert.Equal("CP(95)", await plant.CellAsync(S3, Col.Soldador));
        Assert.Equal("NR(94)", await plant.CellAsync(S3, Col.Armador));
        Assert.Equal("CP(95) trabajando SOLD (ARM pausado, SOLD en progreso)", await plant.CellAsync(S3, Col.EstadoDetalle));
    }

    [Fact]
    public async Task Iniciar_arm_on_a_v3_spool_marked_disponible_replaces_it_and_writes_no_counters()
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S9, NR, Operacion.ARM));

        Assert.Equal("NR(94)", await plant.CellAsync(S9, Col.OcupadoPor));
        Assert.Equal("NR(94)", await plant.CellAsync(S9, Col.Armador));
        Assert.Equal("NR(94) trabajando ARM (ARM en progreso, SOLD pendiente)", await plant.CellAsync(S9, Col.EstadoDetalle));
        Assert.Equal(["10:Armador", "10:Estado_Detalle", "10:Fecha_Ocupacion", "10:Ocupado_Por"],
            (await plant.ChangesSinceAsync(image)).Cells(Sheets.Operaciones));
    }

    [Fact]
    public async Task Iniciar_sold_keeps_an_existing_soldador()
    {
        await using var plant = await TestPlant.CreateAsync();

        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S10, CP, Operacion.SOLD));

        Assert.Equal("CP(95)", await plant.CellAsync(S10, Col.Soldador));
        Assert.Equal("CP(95) trabajando SOLD (ARM completado, SOLD en progreso)", await plant.CellAsync(S10, Col.EstadoDetalle));
    }

    [Fact]
    public async Task An_ayudante_may_start_sold_and_the_earlier_soldador_stays()
    {
        await using var plant = await TestPlant.CreateAsync();

        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S10, JP, Operacion.SOLD));

        Assert.Equal("JP(97)", await plant.CellAsync(S10, Col.OcupadoPor));
        Assert.Equal("CP(95)", await plant.CellAsync(S10, Col.Soldador));
        Assert.Equal("JP(97) trabajando SOLD (ARM completado, SOLD en progreso)", await plant.CellAsync(S10, Col.EstadoDetalle));
    }

    [Fact]
    public async Task Iniciar_on_a_v4_spool_without_stored_counters_writes_them()
    {
        await using var plant = await TestPlant.CreateAsync();

        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S18, NR, Operacion.ARM));

        Assert.Equal(1d, await plant.CellAsync(S18, Col.TotalUniones));
        Assert.Equal(0d, await plant.CellAsync(S18, Col.ArmCompletadas));
        Assert.Equal(0d, await plant.CellAsync(S18, Col.SoldCompletadas));
        Assert.Equal(0d, await plant.CellAsync(S18, Col.PulgadasArm));
        Assert.Equal(0d, await plant.CellAsync(S18, Col.PulgadasSold));
        Assert.Equal("NR(94) trabajando ARM (ARM en progreso, SOLD no aplica)", await plant.CellAsync(S18, Col.EstadoDetalle));
    }

    [Fact]
    public async Task Iniciar_decides_on_a_fresh_read_and_sees_an_office_edit_the_cache_missed()
    {
        await using var plant = await TestPlant.CreateAsync();
        await plant.Cache.GetAsync();
        await plant.OfficeEditAsync(S1, Col.OcupadoPor, "JP(97)");

        var error = Expect.Error(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM), ErrorCode.SPOOL_OCUPADO);

        Assert.Equal("JP(97)", error.Data["ocupante"]);
    }

    [Fact]
    public async Task A_name_typed_by_hand_in_ocupado_por_keeps_the_spool_occupied()
    {
        await using var plant = await TestPlant.CreateAsync();
        await plant.OfficeEditAsync(S1, Col.OcupadoPor, "Pedro");

        var error = Expect.Error(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM), ErrorCode.SPOOL_OCUPADO);

        Assert.Equal("Pedro", error.Data["ocupante"]);
    }

    [Fact]
    public async Task Iniciar_writes_the_occupation_time_in_plant_time()
    {
        await using var plant = await TestPlant.CreateAsync();
        plant.SetNow(new DateTime(2026, 1, 22, 23, 59, 59));

        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM));

        Assert.Equal("22-01-2026 23:59:59", await plant.CellAsync(S1, Col.FechaOcupacion));
    }
}
