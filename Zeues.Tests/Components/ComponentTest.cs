using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Zeues.Core.Coordination;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Reading;
using Zeues.Tests.Support;

namespace Zeues.Tests.Components;

/// <summary>
/// MudBlazor's bunit setup: loose JS interop, MudBlazor services, interactive renderer, a fresh context
/// per test, and spool views read from the DOMAIN §9 fixture in a real SQLite workbook.
/// </summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    private TestPlant? _plant;

    protected ComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
        Services.AddSingleton(new CoordinationStatus(redisConfigured: false));
    }

    protected PlantSnapshot Plant { get; set; } = null!;

    protected TestPlant TestPlant => _plant!;

    protected SpoolView View(string tag) => SpoolView.Of(Plant.Find(tag)!, Plant, Zeues.Core.Setup.FixturePlant.Now);

    public async Task InitializeAsync()
    {
        _plant = await TestPlant.CreateAsync();
        Plant = await _plant.ReadAsync();
        Services.AddSingleton(_plant.Clock);
        Services.AddSingleton(_plant.Commands);
        Services.AddSingleton(_plant.Cache);
        Services.AddSingleton(_plant.Feed);
        SetRendererInfo(new RendererInfo("Server", true));
    }

    /// <summary>Shows a dialog inside a rendered MudDialogProvider and returns the provider and the dialog's reference.</summary>
    protected async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Reference)> ShowDialogAsync<TDialog>(DialogParameters parameters)
        where TDialog : IComponent
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        IDialogReference? reference = null;
        await provider.InvokeAsync(async () => reference = await dialogs.ShowAsync<TDialog>(null, parameters, new DialogOptions { BackdropClick = false }));
        return (provider, reference!);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_plant is not null) await _plant.DisposeAsync();
    }
}
