using Zeues.Core.Domain;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Workflows;

public sealed class FinalizarTests
{
    [Fact]
    public async Task Finalizar_with_all_remaining_unions_completes_the_operation()
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, ["002+2", "002+3"]));

        Assert.Equal(Resultado.COMPLETADO, outcome.Resultado);
        foreach (var n in new[] { 2, 3 })
        {
            Assert.Equal("22-01-2026 08:15:00", await plant.UnionCellAsync(S2, n, Col.ArmInicio));
            Assert.Equal("22-01-2026 10:00:00", await plant.UnionCellAsync(S2, n, Col.ArmFin));
            Assert.Equal("MR(93)", await plant.UnionCellAsync(S2, n, Col.ArmWorker));
        }
        Assert.Equal("22-01-2026", await plant.CellAsync(S2, Col.FechaArmado));
        Assert.Equal("MR(93)", await plant.CellAsync(S2, Col.Armador));
        Assert.Equal(3d, await plant.CellAsync(S2, Col.TotalUniones));
        Assert.Equal(3d, await plant.CellAsync(S2, Col.ArmCompletadas));
        Assert.Equal(0d, await plant.CellAsync(S2, Col.SoldCompletadas));
        Assert.Equal(10d, await plant.CellAsync(S2, Col.PulgadasArm));
        Assert.Equal(0d, await plant.CellAsync(S2, Col.PulgadasSold));
        Assert.Null(await plant.CellAsync(S2, Col.OcupadoPor));
        Assert.Null(await plant.CellAsync(S2, Col.FechaOcupacion));
        Assert.Equal("Disponible - ARM completado, SOLD pendiente", await plant.CellAsync(S2, Col.EstadoDetalle));

        var changes = await plant.ChangesSinceAsync(image);
        Assert.Equal(["3:Armador", "3:Estado_Detalle", "3:Fecha_Armado", "3:Fecha_Ocupacion", "3:Ocupado_Por", "3:Pulgadas_ARM", "3:Uniones_ARM_Completadas"],
            changes.Cells(Sheets.Operaciones));
        Assert.Equal(["7:ARM_FECHA_FIN", "7:ARM_FECHA_INICIO", "7:ARM_WORKER", "8:ARM_FECHA_FIN", "8:ARM_FECHA_INICIO", "8:ARM_WORKER"],
            changes.Cells(Sheets.Uniones));
    }

    [Fact]
    public async Task Finalizar_completing_arm_records_one_spool_event_and_one_row_per_union_under_one_id()
    {
        await using var plant = await TestPlant.CreateAsync();
        var before = await plant.MetadataCountAsync();
        var id = Guid.NewGuid();

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, ["002+2", "002+3"], commandId: id));

        var rows = await plant.AuditRowsAsync(skip: before);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(id.ToString("D"), r.Id));
        Assert.Equal(["COMPLETAR_SPOOL", "UNION_ARM_REGISTRADA", "UNION_ARM_REGISTRADA"], rows.Select(r => r.EventoTipo));
        Assert.Equal(["COMPLETAR", "REGISTRAR", "REGISTRAR"], rows.Select(r => r.Accion));
        Assert.Equal([null, 2d, 3d], rows.Select(r => r.NUnion));

        var main = rows[0];
        Assert.Equal("FINALIZAR", main.Json("comando"));
        Assert.Equal("22-01-2026 08:15:00", main.Json("fecha_ocupacion"));
        Assert.Equal("105", main.Json("duracion_min"));
        Assert.Equal("""["002+2","002+3"]""", main.Json("union_ids"));
        Assert.Equal("2", main.Json("unions_processed"));
        Assert.Equal(6m, main.Json["pulgadas"]!.GetValue<decimal>());
        Assert.Equal("3", main.Json("done"));
        Assert.Equal("3", main.Json("total"));
        Assert.Equal("22-01-2026", main.Json("fecha_operacion"));
        Assert.Equal("Disponible - ARM completado, SOLD pendiente", main.Json("estado_detalle"));
        Assert.Equal("v4.0", main.Json("version_spool"));

        foreach (var (row, n) in rows.Skip(1).Zip(new[] { 2, 3 }))
        {
            Assert.Equal($"002+{n}", row.Json("union_id"));
            Assert.Equal("22-01-2026 08:15:00", row.Json("inicio"));
            Assert.Equal("22-01-2026 10:00:00", row.Json("fin"));
            Assert.Equal("105", row.Json("duracion_min"));
            Assert.Equal("MR(93)", row.WorkerNombre);
            Assert.Equal("ARM", row.Operacion);
        }
        Assert.Equal(4m, rows[1].Json["dn_union"]!.GetValue<decimal>());
        Assert.Equal("BW", rows[1].Json("tipo"));
        Assert.Equal(2m, rows[2].Json["dn_union"]!.GetValue<decimal>());
        Assert.Equal("BR", rows[2].Json("tipo"));

        Assert.Equal(2, outcome.UnionesProcesadas);
        Assert.Equal(6m, outcome.PulgadasProcesadas);
        Assert.False(outcome.MetrologiaLista);
        Assert.Equal($"ARMADO completado en {S2}: 2 uniones registradas (6.00\")", outcome.Mensaje);
    }

    [Fact]
    public async Task Metadata_json_is_stored_as_compact_readable_utf8_text()
    {
        await using var plant = await TestPlant.CreateAsync();

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S5, CP, Operacion.SOLD, ["005+2", "005+3"]));

        var rows = await plant.AuditRowsAsync(outcome.CommandId);
        Assert.Contains("\"union_ids\":[\"005+2\",\"005+3\"]", rows[0].JsonText);
        Assert.Contains("\"estado_detalle\":\"En Cola Metrología\"", rows[0].JsonText);
        Assert.StartsWith("{\"union_id\":\"005+2\",\"dn_union\":2.5,\"tipo\":\"SO\",", rows[1].JsonText);
    }

    [Fact]
    public async Task Finalizar_by_a_worker_who_is_not_the_occupant_is_refused_naming_the_occupant()
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.FINALIZAR, S2, NR, Operacion.ARM, ["002+2"]), ErrorCode.NO_ES_OCUPANTE);

        Assert.Equal("MR(93)", error.Data["ocupante"]);
        Assert.Equal($"El spool {S2} está ocupado por MR(93). Solo MR(93) puede terminar o cancelar este trabajo.", error.Message);
        Assert.Empty(await plant.ChangesSinceAsync(image));
    }

    [Fact]
    public async Task Finalizar_with_an_already_armed_union_names_it_and_writes_nothing()
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, ["002+1", "002+2"]), ErrorCode.UNIONES_NO_DISPONIBLES);

        Assert.Equal(["002+1"], Assert.IsAssignableFrom<IEnumerable<string>>(error.Data["uniones"]));
        Assert.Equal($"Estas uniones ya no están disponibles para ARMADO en {S2}: 002+1. Revisa la selección.", error.Message);
        Assert.Equal(409, error.Status);
        Assert.Empty(await plant.ChangesSinceAsync(image));
    }

    [Fact]
    public async Task Finalizar_with_a_union_of_another_spool_is_refused()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, ["001+1", "002+2"]), ErrorCode.UNIONES_NO_DISPONIBLES);

        Assert.Equal(["001+1"], Assert.IsAssignableFrom<IEnumerable<string>>(error.Data["uniones"]));
    }

    [Fact]
    public async Task Finalizar_with_part_of_the_unions_pauses_and_keeps_the_first_armador()
    {
        await using var plant = await TestPlant.CreateAsync();

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, ["002+2"]));

        Assert.Equal(Resultado.PAUSADO, outcome.Resultado);
        Assert.Equal($"Trabajo pausado en {S2}: 1 uniones registradas (4.00\")", outcome.Mensaje);
        Assert.Equal(2d, await plant.CellAsync(S2, Col.ArmCompletadas));
        Assert.Equal(8d, await plant.CellAsync(S2, Col.PulgadasArm));
        Assert.Equal("NR(94)", await plant.CellAsync(S2, Col.Armador));
        Assert.Null(await plant.CellAsync(S2, Col.FechaArmado));
        Assert.Null(await plant.CellAsync(S2, Col.OcupadoPor));
        Assert.Equal("ARM parcial 2/3 (pausado)", await plant.CellAsync(S2, Col.EstadoDetalle));
        var main = (await plant.AuditRowsAsync(outcome.CommandId))[0];
        Assert.Equal("PAUSAR_SPOOL", main.EventoTipo);
        Assert.Equal("2", main.Json("done"));
        Assert.Equal("3", main.Json("total"));
    }

    [Fact]
    public async Task Finalizar_ignores_a_union_selected_twice()
    {
        await using var plant = await TestPlant.CreateAsync();

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, ["002+2", " 002+2 "]));

        Assert.Equal(1, outcome.UnionesProcesadas);
        Assert.Equal(2, (await plant.AuditRowsAsync(outcome.CommandId)).Count);
    }

    [Fact]
    public async Task Finalizar_with_no_unions_cancels_and_keeps_an_armador_with_recorded_unions()
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, []));

        Assert.Equal(Resultado.CANCELADO, outcome.Resultado);
        Assert.Equal($"Trabajo cancelado en {S2}: el spool quedó disponible sin registrar trabajo", outcome.Mensaje);
        Assert.Null(await plant.CellAsync(S2, Col.OcupadoPor));
        Assert.Null(await plant.CellAsync(S2, Col.FechaOcupacion));
        Assert.Equal("NR(94)", await plant.CellAsync(S2, Col.Armador));
        Assert.Equal("ARM parcial 1/3 (pausado)", await plant.CellAsync(S2, Col.EstadoDetalle));
        var changes = await plant.ChangesSinceAsync(image);
        Assert.Empty(changes.Cells(Sheets.Uniones));
        var row = Assert.Single(await plant.AuditRowsAsync(outcome.CommandId));
        Assert.Equal("CANCELAR_SPOOL", row.EventoTipo);
        Assert.Equal("CANCELAR", row.Accion);
        Assert.Equal("sin_uniones_seleccionadas", row.Json("motivo"));
        Assert.Equal("FINALIZAR", row.Json("comando"));
        Assert.Equal("105", row.Json("duracion_min"));
        Assert.Equal("false", row.Json("trabajador_borrado"));
    }

    [Fact]
    public async Task Finalizar_sold_after_iniciar_registers_the_union_with_the_occupation_start()
    {
        await using var plant = await TestPlant.CreateAsync();
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S3, CP, Operacion.SOLD));
        plant.SetNow(new DateTime(2026, 1, 22, 11, 0, 0));

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S3, CP, Operacion.SOLD, ["003+1"]));

        Assert.Equal(Resultado.PAUSADO, outcome.Resultado);
        Assert.Equal("22-01-2026 10:00:00", await plant.UnionCellAsync(S3, 1, Col.SolInicio));
        Assert.Equal("22-01-2026 11:00:00", await plant.UnionCellAsync(S3, 1, Col.SolFin));
        Assert.Equal("CP(95)", await plant.UnionCellAsync(S3, 1, Col.SolWorker));
        Assert.Equal(1d, await plant.CellAsync(S3, Col.SoldCompletadas));
        Assert.Equal(3d, await plant.CellAsync(S3, Col.PulgadasSold));
        Assert.Equal("ARM parcial 2/4, SOLD parcial 1/3 (pausado)", await plant.CellAsync(S3, Col.EstadoDetalle));
        var rows = await plant.AuditRowsAsync(outcome.CommandId);
        Assert.Equal(["PAUSAR_SPOOL", "UNION_SOLD_REGISTRADA"], rows.Select(r => r.EventoTipo));
        Assert.Equal("60", rows[1].Json("duracion_min"));
    }

    [Fact]
    public async Task Finalizar_sold_uses_a_serial_fecha_ocupacion_as_the_union_start()
    {
        await using var plant = await TestPlant.CreateAsync();

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S5, CP, Operacion.SOLD, ["005+2"]));

        Assert.Equal(Resultado.PAUSADO, outcome.Resultado);
        Assert.Equal("22-01-2026 07:40:00", await plant.UnionCellAsync(S5, 2, Col.SolInicio));
        Assert.Equal(2d, await plant.CellAsync(S5, Col.SoldCompletadas));
        Assert.Equal(10.5, await plant.CellAsync(S5, Col.PulgadasSold));
        Assert.Equal("SOLD parcial 2/3 (pausado)", await plant.CellAsync(S5, Col.EstadoDetalle));
        Assert.Equal("140", (await plant.AuditRowsAsync(outcome.CommandId))[0].Json("duracion_min"));
    }

    [Fact]
    public async Task Finalizar_sold_with_the_last_unions_completes_and_enters_the_metrology_queue()
    {
        await using var plant = await TestPlant.CreateAsync();

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S5, CP, Operacion.SOLD, ["005+2", "005+3"]));

        Assert.Equal(Resultado.COMPLETADO, outcome.Resultado);
        Assert.True(outcome.MetrologiaLista);
        Assert.Equal($"SOLDADURA completado en {S5}: 2 uniones registradas (3.50\") — listo para metrología", outcome.Mensaje);
        Assert.Equal("22-01-2026", await plant.CellAsync(S5, Col.FechaSoldadura));
        Assert.Equal("CP(95)", await plant.CellAsync(S5, Col.Soldador));
        Assert.Equal("15-01-2026", await plant.CellAsync(S5, Col.FechaArmado));
        Assert.Equal(3d, await plant.CellAsync(S5, Col.SoldCompletadas));
        Assert.Equal(11.5, await plant.CellAsync(S5, Col.PulgadasSold));
        Assert.Equal("En Cola Metrología", await plant.CellAsync(S5, Col.EstadoDetalle));
        Assert.Equal(DisplayState.PENDIENTE_METROLOGIA, outcome.DisplayState);
        var rows = await plant.AuditRowsAsync(outcome.CommandId);
        Assert.Equal(["COMPLETAR_SPOOL", "UNION_SOLD_REGISTRADA", "UNION_SOLD_REGISTRADA", "METROLOGIA_LISTA"], rows.Select(r => r.EventoTipo));
        Assert.Equal("ENCOLAR", rows[3].Accion);
        Assert.Equal("METROLOGIA", rows[3].Operacion);
        Assert.Equal("SOLD", rows[3].Json("origen"));
        Assert.Equal("0", rows[3].Json("ciclo"));
    }

    [Fact]
    public async Task Finalizar_sold_with_no_unions_cancels_and_keeps_a_soldador_with_welded_unions()
    {
        await using var plant = await TestPlant.CreateAsync();

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S5, CP, Operacion.SOLD, []));

        Assert.Equal(Resultado.CANCELADO, outcome.Resultado);
        Assert.Null(await plant.CellAsync(S5, Col.OcupadoPor));
        Assert.Equal("CP(95)", await plant.CellAsync(S5, Col.Soldador));
        Assert.Equal("SOLD parcial 1/3 (pausado)", await plant.CellAsync(S5, Col.EstadoDetalle));
    }

    [Fact]
    public async Task Finalizar_sold_refuses_an_arm_only_union()
    {
        await using var plant = await TestPlant.CreateAsync();
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S4, CP, Operacion.SOLD));
        var image = await plant.CaptureAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.FINALIZAR, S4, CP, Operacion.SOLD, ["004+3"]), ErrorCode.UNIONES_NO_DISPONIBLES);

        Assert.Equal(["004+3"], Assert.IsAssignableFrom<IEnumerable<string>>(error.Data["uniones"]));
        Assert.Empty(await plant.ChangesSinceAsync(image));
    }

    [Fact]
    public async Task Finalizar_sold_with_every_sold_required_union_completes_without_the_fw_union()
    {
        await using var plant = await TestPlant.CreateAsync();
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S4, CP, Operacion.SOLD));

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S4, CP, Operacion.SOLD, ["004+1", "004+2"]));

        Assert.Equal(Resultado.COMPLETADO, outcome.Resultado);
        Assert.Equal(12d, await plant.CellAsync(S4, Col.PulgadasSold));
        Assert.Equal("22-01-2026", await plant.CellAsync(S4, Col.FechaSoldadura));
        Assert.Equal("En Cola Metrología", await plant.CellAsync(S4, Col.EstadoDetalle));
        Assert.Null(await plant.UnionCellAsync(S4, 3, Col.SolFin));
        Assert.Contains("METROLOGIA_LISTA", (await plant.AuditRowsAsync(outcome.CommandId)).Select(r => r.EventoTipo));
    }

    [Fact]
    public async Task Finalizar_arm_on_a_spool_that_needs_no_welding_sends_it_to_metrology()
    {
        await using var plant = await TestPlant.CreateAsync();
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S18, NR, Operacion.ARM));

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.FINALIZAR, S18, NR, Operacion.ARM, ["018+1"]));

        Assert.Equal(Resultado.COMPLETADO, outcome.Resultado);
        Assert.True(outcome.MetrologiaLista);
        Assert.Equal("22-01-2026", await plant.CellAsync(S18, Col.FechaArmado));
        Assert.Equal(1d, await plant.CellAsync(S18, Col.TotalUniones));
        Assert.Equal(1d, await plant.CellAsync(S18, Col.ArmCompletadas));
        Assert.Equal(2d, await plant.CellAsync(S18, Col.PulgadasArm));
        Assert.Null(await plant.CellAsync(S18, Col.FechaSoldadura));
        Assert.Equal("En Cola Metrología", await plant.CellAsync(S18, Col.EstadoDetalle));
        var rows = await plant.AuditRowsAsync(outcome.CommandId);
        Assert.Equal(["COMPLETAR_SPOOL", "UNION_ARM_REGISTRADA", "METROLOGIA_LISTA"], rows.Select(r => r.EventoTipo));
        Assert.Equal("ARM", rows[2].Json("origen"));
    }

    [Fact]
    public async Task Finalizar_on_a_v3_spool_is_refused_with_version_incompatible()
    {
        await using var plant = await TestPlant.CreateAsync();
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S9, NR, Operacion.ARM));

        var error = Expect.Error(await plant.RunAsync(CommandType.FINALIZAR, S9, NR, Operacion.ARM, ["009+1"]), ErrorCode.VERSION_INCOMPATIBLE);

        Assert.Equal($"El spool {S9} no tiene uniones (v3.0): usa PAUSAR o COMPLETAR", error.Message);
        Assert.Equal(400, error.Status);
    }

    [Fact]
    public async Task Finalizar_on_a_free_spool_is_refused_with_operacion_no_iniciada()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.FINALIZAR, S3, NR, Operacion.ARM, ["003+3"]), ErrorCode.OPERACION_NO_INICIADA);

        Assert.Equal($"El spool {S3} no está ocupado: usa INICIAR", error.Message);
        Assert.Equal(400, error.Status);
    }

    [Fact]
    public async Task Finalizar_for_another_operation_than_the_occupation_is_refused_with_operacion_no_iniciada()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.SOLD, ["002+1"]), ErrorCode.OPERACION_NO_INICIADA);

        Assert.StartsWith($"El spool {S2} está en ", error.Message);
    }

    [Fact]
    public async Task Finalizar_without_the_unions_field_is_datos_invalidos_checked_before_the_spool_is_read()
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        var onSpool = Expect.Error(await plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, unions: null), ErrorCode.DATOS_INVALIDOS);
        var onUnknown = Expect.Error(await plant.RunAsync(CommandType.FINALIZAR, "NO-EXISTE", MR, Operacion.ARM, unions: null), ErrorCode.DATOS_INVALIDOS);

        Assert.Equal("Datos no válidos: falta la lista de uniones.", onSpool.Message);
        Assert.Equal(onSpool.Message, onUnknown.Message);
        Assert.Equal("MR(93)", await plant.CellAsync(S2, Col.OcupadoPor));
        Assert.Empty(await plant.ChangesSinceAsync(image));
    }
}
