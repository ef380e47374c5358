using Zeues.Core.Domain;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Workflows;

public sealed class NotaTests
{
    [Fact]
    public async Task Nota_appends_a_dated_line_and_records_the_author_only_in_metadata()
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        var outcome = Expect.Ok(await plant.RunAsync(CommandType.NOTA, S3, NR, texto: "revisar bisel"));

        Assert.Equal(Resultado.NOTA_AGREGADA, outcome.Resultado);
        Assert.Equal($"Nota agregada a {S3}", outcome.Mensaje);
        Assert.Equal("20260122: revisar bisel", await plant.CellAsync(S3, Col.Notas));
        Assert.Equal(["4:Notas"], (await plant.ChangesSinceAsync(image)).Cells(Sheets.Operaciones));
        var row = Assert.Single(await plant.AuditRowsAsync(outcome.CommandId));
        Assert.Equal("NOTA_AGREGADA", row.EventoTipo);
        Assert.Equal("AGREGAR", row.Accion);
        Assert.Equal("NOTA", row.Operacion);
        Assert.Equal(94d, row.WorkerId);
        Assert.Equal("NR(94)", row.WorkerNombre);
        Assert.Equal("revisar bisel", row.Json("texto"));
        Assert.Equal("NOTA", row.Json("comando"));
    }

    [Fact]
    public async Task A_second_nota_goes_on_its_own_line()
    {
        await using var plant = await TestPlant.CreateAsync();
        Expect.Ok(await plant.RunAsync(CommandType.NOTA, S3, NR, texto: "revisar bisel"));
        plant.SetNow(new DateTime(2026, 1, 23, 8, 0, 0));

        Expect.Ok(await plant.RunAsync(CommandType.NOTA, S3, MR, texto: "bisel corregido"));

        Assert.Equal("20260122: revisar bisel\n20260123: bisel corregido", await plant.CellAsync(S3, Col.Notas));
    }

    [Fact]
    public async Task Line_breaks_in_a_nota_become_spaces()
    {
        await using var plant = await TestPlant.CreateAsync();

        Expect.Ok(await plant.RunAsync(CommandType.NOTA, S3, NR, texto: "  falta\r\nuna brida \n"));

        Assert.Equal("20260122: falta una brida", await plant.CellAsync(S3, Col.Notas));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_nota_is_refused_as_invalid_input(string texto)
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.NOTA, S3, NR, texto: texto), ErrorCode.DATOS_INVALIDOS);

        Assert.StartsWith("Datos no válidos: ", error.Message);
        Assert.Empty(await plant.ChangesSinceAsync(image));
    }

    [Fact]
    public async Task A_nota_of_500_characters_is_accepted_and_one_of_501_refused()
    {
        await using var plant = await TestPlant.CreateAsync();

        Expect.Ok(await plant.RunAsync(CommandType.NOTA, S3, NR, texto: new string('a', 500)));
        Expect.Error(await plant.RunAsync(CommandType.NOTA, S3, NR, texto: new string('a', 501)), ErrorCode.DATOS_INVALIDOS);
    }

    [Fact]
    public async Task A_nota_that_is_too_long_is_refused_before_the_spool_or_worker_is_looked_up()
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.NOTA, "NO-EXISTE", Unknown, texto: new string('a', 501)), ErrorCode.DATOS_INVALIDOS);

        Assert.Equal("Datos no válidos: la nota debe tener entre 1 y 500 caracteres.", error.Message);
    }

    [Fact]
    public async Task Notas_never_pass_the_50000_characters_of_a_cell_and_a_full_cell_says_so()
    {
        var rows = Zeues.Core.Setup.FixturePlant.Build();
        var nearlyFull = new string('x', NotaText.MaxCellLength - 20);
        rows[Sheets.Operaciones].Single(r => Equals(r[Col.TagSpool], S3))[Col.Notas] = nearlyFull;
        await using var plant = await TestPlant.CreateAsync(rows);
        var image = await plant.CaptureAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.NOTA, S3, NR, texto: "revisar bisel otra vez"), ErrorCode.DATOS_INVALIDOS);

        Assert.StartsWith($"Las notas del spool {S3} llenaron su celda (máximo 50.000 caracteres)", error.Message);
        Assert.Empty(await plant.ChangesSinceAsync(image));
        Expect.Ok(await plant.RunAsync(CommandType.NOTA, S3, NR, texto: "ok"));
        Assert.Equal(NotaText.MaxCellLength - 20 + "\n20260122: ok".Length, ((string)(await plant.CellAsync(S3, Col.Notas))!).Length);
    }

    [Fact]
    public async Task Nota_is_allowed_on_a_spool_with_a_data_error_and_leaves_its_state_alone()
    {
        await using var plant = await TestPlant.CreateAsync();
        var image = await plant.CaptureAsync();

        Expect.Ok(await plant.RunAsync(CommandType.NOTA, S17, NR, texto: "pedir fecha de materiales"));

        Assert.Equal(["18:Notas"], (await plant.ChangesSinceAsync(image)).Cells(Sheets.Operaciones));
    }

    [Fact]
    public async Task Nota_needs_no_role_for_an_operation()
    {
        await using var plant = await TestPlant.CreateAsync();

        Expect.Ok(await plant.RunAsync(CommandType.NOTA, S1, JM, texto: "medida fuera de plano"));

        Assert.Equal("20260122: medida fuera de plano", await plant.CellAsync(S1, Col.Notas));
    }

    [Fact]
    public async Task Nota_rewrites_an_estado_detalle_that_differs_from_the_rebuilt_one()
    {
        await using var plant = await TestPlant.CreateAsync();

        Expect.Ok(await plant.RunAsync(CommandType.NOTA, S1, JM, texto: "ok"));

        Assert.Equal("Disponible - ARM pendiente, SOLD pendiente", await plant.CellAsync(S1, Col.EstadoDetalle));
    }

    [Fact]
    public async Task Nota_by_an_inactive_worker_is_refused()
    {
        await using var plant = await TestPlant.CreateAsync();

        Expect.Error(await plant.RunAsync(CommandType.NOTA, S3, Inactive, texto: "hola"), ErrorCode.WORKER_INACTIVO);
    }

    [Fact]
    public async Task Nota_from_the_admin_area_is_recorded_as_supervisor()
    {
        await using var plant = await TestPlant.CreateAsync();
        var id = Guid.NewGuid();

        Expect.Ok(await plant.Commands.ExecuteAsync(new CommandRequest(id, CommandType.NOTA, S3, Actor.ForSupervisor("Ana Supervisora"), Texto: "prioridad alta")));

        var row = Assert.Single(await plant.AuditRowsAsync(id));
        Assert.Equal(0d, row.WorkerId);
        Assert.Equal("SUPERVISOR", row.WorkerNombre);
        Assert.Equal("Ana Supervisora", row.Json("supervisor"));
        Assert.Equal("20260122: prioridad alta", await plant.CellAsync(S3, Col.Notas));
    }

    [Fact]
    public async Task Nota_without_a_notas_column_is_refused_but_other_commands_still_write()
    {
        await using var plant = await TestPlant.CreateAsync();
        await plant.RenameColumnAsync(Sheets.Operaciones, Col.Notas, "Observaciones");
        await plant.Cache.ReloadAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.NOTA, S3, NR, texto: "revisar bisel"), ErrorCode.ESQUEMA_INVALIDO);
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM));

        Assert.Equal("Notas", error.Data["columna"]);
        Assert.Equal("Operaciones", error.Data["hoja"]);
    }

    [Fact]
    public async Task Nota_on_an_unknown_tag_is_refused_with_spool_no_encontrado()
    {
        await using var plant = await TestPlant.CreateAsync();

        Expect.Error(await plant.RunAsync(CommandType.NOTA, "NO-EXISTE", NR, texto: "hola"), ErrorCode.SPOOL_NO_ENCONTRADO);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_nota_on_an_unknown_tag_is_datos_invalidos_because_the_text_is_checked_first(string texto)
    {
        await using var plant = await TestPlant.CreateAsync();

        var error = Expect.Error(await plant.RunAsync(CommandType.NOTA, "NO-EXISTE", NR, texto: texto), ErrorCode.DATOS_INVALIDOS);

        Assert.Equal("Datos no válidos: la nota debe tener entre 1 y 500 caracteres.", error.Message);
    }
}
