using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Zeues.Core.Domain;
using Zeues.Core.Workflows;
using Zeues.Web.Components.Dialogs;
using Zeues.Web.Work;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Components;

/// <summary>UX 5: the spool of an open confirmation changes underneath it.</summary>
public sealed class ChangedSpoolBannerTests : ComponentTest
{
    private DialogParameters<CommandDialog> Watching(string tag) => new()
    {
        { d => d.Title, "INICIAR ARMADO" },
        { d => d.Tag, tag },
        { d => d.ChildContent, (RenderFragment)(b => b.AddContent(0, "datos al abrir")) },
        { d => d.Refresh, (Func<Task<RenderFragment?>>)(() => Task.FromResult<RenderFragment?>(b => b.AddContent(0, "datos frescos"))) },
        { d => d.Command, new ReadyCommand(new CommandRequest(Guid.NewGuid(), CommandType.INICIAR, tag, Actor.ForWorker(NR), Operacion.ARM), r => TestPlant.Commands.ExecuteAsync(r)) },
    };

    [Fact]
    public async Task A_change_from_elsewhere_shows_the_banner_reloads_the_body_and_holds_confirmar_until_entendido()
    {
        var (provider, reference) = await ShowDialogAsync<CommandDialog>(Watching(S1));
        Assert.False(provider.Find("[data-testid=confirm]").HasAttribute("disabled"));

        await TestPlant.Commands.ExecuteAsync(new CommandRequest(Guid.NewGuid(), CommandType.NOTA, S1, Actor.ForWorker(MR), Texto: "revisar brida"));

        provider.WaitForAssertion(() => Assert.StartsWith("Este spool cambió:", provider.Find("[data-testid=spool-changed]").TextContent.Trim()));
        Assert.Contains("Revisa antes de confirmar.", provider.Find("[data-testid=spool-changed]").TextContent);
        Assert.Contains("datos frescos", provider.Markup);
        Assert.True(provider.Find("[data-testid=confirm]").HasAttribute("disabled"));

        provider.Find("[data-testid=spool-changed-ok]").Click();
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=spool-changed]")));
        provider.Find("[data-testid=confirm]").Click();
        var result = (CommandResult)(await reference.Result)!.Data!;
        Assert.Equal(Resultado.INICIADO, result.Outcome!.Resultado);
    }
}
