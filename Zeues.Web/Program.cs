using Zeues.Core;
using Zeues.Web.Admin;
using Zeues.Web.Api;
using Zeues.Web.Components;
using Zeues.Web.Extensions;
using Zeues.Web.Offline;
using Zeues.Web.Tools;

if (await CommandLine.TryRunAsync(args) is { } exitCode) return exitCode;

var builder = WebApplication.CreateBuilder(args);

// Serve blazor.web.js and MudBlazor assets from build output outside Development too.
builder.WebHost.UseStaticWebAssets();

builder.AddZeuesLogging();
builder.Services.AddZeuesCore(builder.Configuration);
builder.Services.AddZeuesWeb(builder.Configuration);

var app = builder.Build();

app.UseZeuesForwardedHeaders();
app.UseZeuesErrors();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapZeuesApi();
app.MapZeuesOffline();
app.MapZeuesAdmin();
app.MapZeuesExports();
app.MapZeuesMetrics();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
return 0;

public partial class Program;
