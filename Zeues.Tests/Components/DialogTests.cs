using Bunit;
using MudBlazor;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Workflows;
using Zeues.Web.Components.Dialogs;
using Zeues.Web.Work;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Components;

public sealed class DialogTests : ComponentTest
{
    /// <summary>The union dialog as WorkActions opens it: the spool, the operation and the core's FINALIZAR preview for the worker.</summary>
    private DialogParameters<UnionDialog> Unions(string tag, Operacion op, int worker) => new()
    {
        { d => d.Spool, View(tag) }, { d => d.Operacion, op },
        { d => d.Preview, (Func<IReadOnlyList<string>, Task<CommandResult>>)(unions =>
            TestPlant.Commands.PreviewAsync(new CommandRequest(Guid.NewGuid(), CommandType.FINALIZAR, tag, Actor.ForWorker(worker), op, unions))) },
    };

    private async Task StartAsync(string tag, int worker, Operacion op)
    {
        Support.Expect.Ok(await TestPlant.RunAsync(CommandType.INICIAR, tag, worker, op));
        Plant = await TestPlant.ReadAsync();
    }

    [Fact]
    public async Task The_union_dialog_strikes_done_unions_with_who_and_selects_only_available_ones()
    {
        await StartAsync(S3, NR, Operacion.ARM);
        var (provider, _) = await ShowDialogAsync<UnionDialog>(Unions(S3, Operacion.ARM, NR));

        Assert.Contains("✓ ARMADA · NR(94) · 20-01 12:10", provider.Find("[data-union='003+1']").TextContent);
        Assert.Contains("union-done", provider.Find("[data-union='003+2']").ClassName);
        provider.Find("[data-testid=toggle-all]").Click();

        var footer = provider.Find("[data-testid=union-footer]").TextContent;
        Assert.Contains("SELECCIONADAS: 2 de 2 · PULGADAS: 5.00\"", footer);
        Assert.Contains("Al confirmar: ARMADO COMPLETA", footer);
        Assert.Contains("FINALIZAR 2 UNIONES", provider.Find("[data-testid=finish]").TextContent);
    }

    [Fact]
    public async Task With_nothing_selected_the_union_dialog_offers_to_release_without_recording()
    {
        var (provider, reference) = await ShowDialogAsync<UnionDialog>(Unions(S2, Operacion.ARM, MR));

        Assert.Contains("LIBERAR SIN REGISTRAR", provider.Find("[data-testid=finish]").TextContent);
        provider.Find("[data-testid=finish]").Click();
        var result = await reference.Result;
        Assert.Empty((List<string>)result!.Data!);
    }

    [Fact]
    public async Task In_soldadura_arm_only_and_unarmed_unions_are_disabled_and_a_single_available_union_is_preselected()
    {
        await StartAsync(S3, CP, Operacion.SOLD);
        var (provider, _) = await ShowDialogAsync<UnionDialog>(Unions(S3, Operacion.SOLD, CP));

        Assert.Contains("SOLO ARMADO", provider.Find("[data-union='003+2']").TextContent);
        Assert.Contains("SIN ARMAR", provider.Find("[data-union='003+3']").TextContent);
        Assert.Contains("SELECCIONADAS: 1 de 1 · PULGADAS: 3.00\"", provider.Find("[data-testid=union-footer]").TextContent);
        Assert.Contains("quedará PAUSADO (1/3)", provider.Find("[data-testid=union-footer]").TextContent);
    }

    [Fact]
    public async Task A_confirmed_command_closes_the_dialog_with_its_outcome()
    {
        var parameters = new DialogParameters<CommandDialog>
        {
            { d => d.Title, "INICIAR ARMADO" },
            { d => d.Command, new ReadyCommand(new CommandRequest(Guid.NewGuid(), CommandType.INICIAR, S1, Actor.ForWorker(NR), Operacion.ARM), r => TestPlant.Commands.ExecuteAsync(r)) },
        };
        var (provider, reference) = await ShowDialogAsync<CommandDialog>(parameters);

        provider.Find("[data-testid=confirm]").Click();

        var result = (CommandResult)(await reference.Result)!.Data!;
        Assert.Equal(Resultado.INICIADO, result.Outcome!.Resultado);
    }

    [Fact]
    public async Task A_failed_command_shows_its_spanish_message_inline_and_a_retry_resends_the_same_id()
    {
        var ids = new List<Guid>();
        var parameters = new DialogParameters<CommandDialog>
        {
            { d => d.Title, "INICIAR ARMADO" },
            { d => d.Command, new ReadyCommand(new CommandRequest(Guid.NewGuid(), CommandType.INICIAR, S1, Actor.ForWorker(NR), Operacion.ARM), r =>
            {
                ids.Add(r.CommandId);
                return Task.FromResult(CommandResult.Fail(Errors.ConflictoConcurrente(S1)));
            }) },
        };
        var (provider, _) = await ShowDialogAsync<CommandDialog>(parameters);

        provider.Find("[data-testid=confirm]").Click();
        provider.WaitForAssertion(() => Assert.Contains("Otra persona está registrando", provider.Find("[data-testid=dialog-error]").TextContent));
        Assert.Contains("REINTENTAR", provider.Find("[data-testid=confirm]").TextContent);
        provider.Find("[data-testid=confirm]").Click();

        provider.WaitForAssertion(() => Assert.Equal(2, ids.Count));
        Assert.Equal(ids[0], ids[1]);
        Assert.DoesNotContain("Exception", provider.Markup);
    }

    [Fact]
    public async Task A_non_retryable_error_offers_only_volver()
    {
        var parameters = new DialogParameters<CommandDialog>
        {
            { d => d.Title, "COMPLETAR ARMADO" },
            { d => d.Command, new ReadyCommand(new CommandRequest(Guid.NewGuid(), CommandType.COMPLETAR, S9, Actor.ForWorker(NR), Operacion.ARM),
                _ => Task.FromResult(CommandResult.Fail(Errors.ConUnionesV4(S9)))) },
        };
        var (provider, reference) = await ShowDialogAsync<CommandDialog>(parameters);

        provider.Find("[data-testid=confirm]").Click();

        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=confirm]")));
        provider.FindAll("button").Single(b => b.TextContent.Contains("VOLVER")).Click();
        var result = (CommandResult)(await reference.Result)!.Data!;
        Assert.Equal(ErrorCode.VERSION_INCOMPATIBLE, result.Error!.Code);
    }

    [Fact]
    public async Task The_metrology_dialog_warns_when_a_rejection_would_block_the_spool()
    {
        async Task<CommandOutcome> Rechazo(string tag) => Support.Expect.Ok(await TestPlant.Commands.PreviewAsync(
            new CommandRequest(Guid.NewGuid(), CommandType.METROLOGIA, tag, Actor.ForWorker(JM), Resultado: ResultadoMetrologia.RECHAZADO, Motivo: MotivoRechazo.DIMENSIONAL)));
        var s14 = await Rechazo(S14);
        Assert.Equal((Resultado.BLOQUEADO, "BLOQUEADO - Contactar supervisor"), (s14.Resultado, s14.EstadoDetalle));
        Assert.Equal("RECHAZADO (Ciclo 1/3) - Pendiente reparación", (await Rechazo(S6)).EstadoDetalle);

        var (provider, _) = await ShowDialogAsync<MetrologyDialog>(new DialogParameters<MetrologyDialog>
        {
            { d => d.Spool, View(S14) }, { d => d.BloqueaSiRechaza, s14.Resultado == Resultado.BLOQUEADO },
        });
        Assert.Contains("Un nuevo rechazo BLOQUEARÁ este spool.", provider.Markup);
        Assert.Contains("CICLO 2/3", provider.Markup.ToUpperInvariant());
    }

    [Fact]
    public async Task The_notes_dialog_previews_exactly_the_line_it_will_write()
    {
        var (provider, _) = await ShowDialogAsync<NotesDialog>(new DialogParameters<NotesDialog>
        {
            { d => d.Spool, View(S3) },
            { d => d.Run, (Func<string, Task<CommandResult>>)(_ => Task.FromResult(CommandResult.Fail(Errors.Entrada("x")))) },
        });

        provider.Find("textarea").Input("revisar\nbisel");

        Assert.Equal("Se agregará: 20260122: revisar bisel", provider.Find("[data-testid=note-preview]").TextContent.Trim());
    }
}
