using Bunit;
using MudBlazor;
using Zeues.Core.Domain;
using Zeues.Core.Workflows;
using Zeues.Web.Components.Dialogs;
using Zeues.Web.Work;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Components;

/// <summary>DOMAIN 6.4: the work flow gives each intent its command id; a dialog only runs what it is given.</summary>
public sealed class CommandIdTests : ComponentTest
{
    private static CommandDrafts<string> NoteDrafts(List<Guid> sent, Func<CommandRequest, CommandResult> answer) =>
        new(texto => new ReadyCommand(new CommandRequest(Guid.CreateVersion7(), CommandType.NOTA, S3, Actor.ForWorker(NR), Texto: texto), r =>
        {
            sent.Add(r.CommandId);
            return Task.FromResult(answer(r));
        }), t => t);

    [Fact]
    public async Task The_same_input_sent_again_keeps_its_command_id_and_new_input_is_a_new_command()
    {
        var sent = new List<Guid>();
        var drafts = NoteDrafts(sent, _ => CommandResult.Fail(Errors.ConflictoConcurrente(S3)));

        await drafts.RunAsync("revisar bisel");
        await drafts.RunAsync("revisar bisel");
        await drafts.RunAsync("revisar bisel y brida");

        Assert.Equal(3, sent.Count);
        Assert.Equal(sent[0], sent[1]);
        Assert.NotEqual(sent[1], sent[2]);
    }

    [Fact]
    public async Task The_notes_dialog_resends_a_failed_note_under_the_id_the_work_flow_gave_it()
    {
        var sent = new List<Guid>();
        var drafts = NoteDrafts(sent, _ => CommandResult.Fail(Errors.ConflictoConcurrente(S3)));
        var (provider, _) = await ShowDialogAsync<NotesDialog>(new DialogParameters<NotesDialog>
        {
            { d => d.Spool, View(S3) }, { d => d.Run, drafts.RunAsync },
        });

        provider.Find("textarea").Input("revisar bisel");
        provider.Find("[data-testid=add-note]").Click();
        provider.WaitForAssertion(() => Assert.Single(sent));
        provider.Find("[data-testid=add-note]").Click();
        provider.WaitForAssertion(() => Assert.Equal(2, sent.Count));
        provider.Find("textarea").Input("revisar brida");
        provider.Find("[data-testid=add-note]").Click();

        provider.WaitForAssertion(() => Assert.Equal(3, sent.Count));
        Assert.Equal(sent[0], sent[1]);
        Assert.NotEqual(sent[1], sent[2]);
    }
}
