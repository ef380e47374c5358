using System.Diagnostics;
using System.Net;
using System.Text;
using Zeues.Tests.Support;

namespace Zeues.Tests.Security;

public sealed class SecurityTests
{
    private static readonly string[] Leaks = ["Exception", "   at ", "System.", "Microsoft.", "StackTrace", "stack trace", "Zeues.Core"];

    public static TheoryData<string, string, string?> ErrorPaths => new()
    {
        { "GET", "/api/spools/NO-EXISTE", null },
        { "GET", "/api/spools/NO-EXISTE/history", null },
        { "GET", "/api/spools?operacion=PINTURA", null },
        { "GET", "/api/spools?operacion=ARM&accion=BORRAR", null },
        { "GET", "/api/spools?operacion=ARM&accion=MIS", null },
        { "GET", "/api/spools?operacion=ARM&accion=MIS&workerId=abc", null },
        { "GET", "/api/workers/999/record", null },
        { "GET", "/api/workers/98/record", null },
        { "GET", "/api/workers/94/record?fecha=31-02-2026", null },
        { "GET", "/export/registro.csv?workerId=999", null },
        { "GET", "/api/no-existe", null },
        { "POST", "/api/commands", "no es json" },
        { "POST", "/api/commands", "" },
        { "POST", "/api/commands", "[]" },
        { "POST", "/api/commands", """{"commandId":"no-es-guid","type":"INICIAR"}""" },
        { "POST", "/api/commands", """{"commandId":"6f1c1d9e-1111-4111-8111-111111111111","type":"BAILAR","tag":"X","workerId":94}""" },
        { "POST", "/api/commands", """{"commandId":"6f1c1d9e-1111-4111-8111-111111111112","type":"INICIAR","tag":"MK-1401-CW-25001-001","workerId":94}""" },
        { "POST", "/api/commands", """{"commandId":"6f1c1d9e-1111-4111-8111-111111111113","type":"INICIAR","tag":"MK-1401-CW-25001-001","workerId":94,"operacion":"PINTAR"}""" },
        { "POST", "/api/commands", """{"commandId":"6f1c1d9e-1111-4111-8111-111111111114","type":"FINALIZAR","tag":"MK-1401-CW-25001-002","workerId":93,"operacion":"ARM","unions":"002+2"}""" },
        { "POST", "/api/commands", """{"commandId":"6f1c1d9e-1111-4111-8111-111111111115","type":"FINALIZAR","tag":"MK-1401-CW-25001-002","workerId":93,"operacion":"ARM","unions":["999+9"]}""" },
        { "POST", "/api/commands", """{"commandId":"6f1c1d9e-1111-4111-8111-111111111116","type":"METROLOGIA","tag":"MK-1401-BW-25001-006","workerId":96,"resultado":"QUIZAS"}""" },
        { "POST", "/api/commands", """{"commandId":"6f1c1d9e-1111-4111-8111-111111111117","type":"NOTA","tag":"MK-1401-BW-25001-006","workerId":96,"texto":""}""" },
        { "POST", "/api/commands", """{"commandId":"6f1c1d9e-1111-4111-8111-111111111118","type":"NOTA","tag":"NO-EXISTE","workerId":96,"texto":"x"}""" },
        { "POST", "/api/commands", """{"commandId":"6f1c1d9e-1111-4111-8111-111111111119","type":"INICIAR","tag":"MK-1401-CW-25001-001","workerId":99,"operacion":"ARM"}""" },
        { "POST", "/api/commands", """{"commandId":"6f1c1d9e-1111-4111-8111-111111111120","type":"INICIAR","tags":[],"workerId":94,"operacion":"ARM"}""" },
        { "POST", "/api/commands", """{"commandId":"6f1c1d9e-1111-4111-8111-111111111121","type":"INICIAR","tag":"MK-1401-CW-25001-016","workerId":94,"operacion":"ARM"}""" },
        { "POST", "/api/commands", """{"commandId":"6f1c1d9e-1111-4111-8111-111111111122","type":"LIBERAR","tag":"MK-1401-CW-25001-002","texto":"motivo"}""" },
        { "POST", "/api/commands", """{"commandId":"6f1c1d9e-1111-4111-8111-111111111123","type":"DESBLOQUEAR","tag":"TEST-V3-012"}""" },
    };

    [Theory]
    [MemberData(nameof(ErrorPaths))]
    public async Task No_error_answer_carries_exception_text_or_a_stack_trace(string method, string path, string? body)
    {
        await using var app = new AppServer();
        using var http = app.Http();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, path.StartsWith("/admin") ? "application/x-www-form-urlencoded" : "application/json");

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode < 500, $"{method} {path} answered {(int)response.StatusCode}");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        foreach (var leak in Leaks) Assert.DoesNotContain(leak, text);
    }

    [Fact]
    public async Task A_login_post_without_the_antiforgery_token_does_not_sign_in()
    {
        await using var app = new AppServer();
        using var http = app.Http();

        using var response = await http.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["nombre"] = "Ana", ["clave"] = "zeues-demo" }));

        Assert.Contains("error=formulario", response.RequestMessage!.RequestUri!.ToString() + response.Headers.Location);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("zeues.supervisor")));
    }

    [Fact]
    public void No_credential_or_secret_file_is_tracked_by_git()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Zeues.sln"))) root = Path.GetDirectoryName(root) ?? throw new DirectoryNotFoundException("Zeues.sln");
        using var git = Process.Start(new ProcessStartInfo("git", "ls-files") { WorkingDirectory = root, RedirectStandardOutput = true })!;
        var files = git.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
        Assert.NotEmpty(files);

        Assert.DoesNotContain(files, f => f.EndsWith(".pem") || f.EndsWith(".p12") || f.EndsWith(".pfx") || f.EndsWith(".key") || f.EndsWith(".env"));
        foreach (var file in files.Where(f => f.EndsWith(".json") || f.EndsWith(".config") || f.EndsWith(".yml") || f.EndsWith(".yaml")))
        {
            var text = File.ReadAllText(Path.Combine(root, file));
            Assert.False(text.Contains("PRIVATE KEY") || text.Contains("\"private_key\""), $"{file} holds a private key");
        }
    }
}
