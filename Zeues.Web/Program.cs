using Zeues.Core;
using Zeues.Web.Api;
using Zeues.Web.Components;
using Zeues.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);

// Serve blazor.web.js and MudBlazor assets from build output outside Development too.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddZeuesCore(builder.Configuration);
builder.Services.AddZeuesWeb(builder.Configuration);

var app = builder.Build();

app.UseZeuesErrors();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapZeuesApi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

public partial class Program;
