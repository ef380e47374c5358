using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Zeues.Core.Domain;
using Zeues.Core.Workbook;
using Zeues.Core.Workbook.GoogleSheets;
using Zeues.Core.Workflows;
using Zeues.Tests.Fakes;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.GoogleSheets;

/// <summary>The node's spreadsheet read budget: commands first, monitoring and screens never spend it.</summary>
public sealed class ReadBudgetTests
{
    [Fact]
    public async Task Background_reads_leave_a_quarter_of_the_budget_to_commands()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var budget = new ReadBudget(Options.Create(new GoogleSheetsOptions { ReadsPerMinute = 8 }), time);

        for (var i = 0; i < 6; i++) await budget.WaitAsync(CancellationToken.None);
        var background = budget.WaitAsync(CancellationToken.None);
        Task command1, command2, command3;
        using (ReadLane.ForCommand())
        {
            command1 = budget.WaitAsync(CancellationToken.None);
            command2 = budget.WaitAsync(CancellationToken.None);
            command3 = budget.WaitAsync(CancellationToken.None);
        }
        await Task.WhenAll(command1, command2).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(background.IsCompleted);
        Assert.False(command3.IsCompleted);
        Assert.Equal((8, 2, 6), budget.Used());
        time.Advance(TimeSpan.FromSeconds(61));
        await Task.WhenAll(background, command3).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, budget.Waits);
    }

    [Fact]
    public async Task Two_hundred_health_calls_cost_at_most_one_spreadsheet_read()
    {
        await using var fake = await FakeSheetsServer.StartAsync();
        var settings = new Dictionary<string, string?>(TestPlant.GoogleSettings(fake))
        {
            ["Zeues:GoogleSheets:ReadsPerMinute"] = "40",
            ["Zeues:Supervisor:PasswordHash"] = Zeues.Web.Admin.SupervisorPassword.Hash("clave-de-prueba"),
        };
        await using var app = new AppServer(settings: settings);
        using var http = app.Http();
        var before = fake.BatchGets + fake.Gets;

        JsonElement last = default;
        for (var i = 0; i < 200; i++)
        {
            var response = await http.GetAsync("/health");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            last = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }

        Assert.InRange(fake.BatchGets + fake.Gets - before, 0, 1);
        var workbook = last.GetProperty("checks").GetProperty("workbook");
        Assert.Equal("Healthy", workbook.GetProperty("status").GetString());
        var data = workbook.GetProperty("data");
        Assert.True(data.GetProperty("snapshotAgeSeconds").GetInt32() >= 0);
        Assert.True(data.GetProperty("lastRead").GetProperty("ok").GetBoolean());
        Assert.Equal(40, data.GetProperty("budget").GetProperty("readsLimit").GetInt32());

        var metrics = await http.GetStringAsync("/metrics");
        Assert.Contains("""zeues_workbook_reads_limit{otel_scope_name="Zeues"} 40""", metrics);
        Assert.Contains("""zeues_workbook_reads_used{otel_scope_name="Zeues",zeues_lane="background"}""", metrics);
        Assert.Contains("zeues_workbook_writes_limit{", metrics);
    }

    [Fact]
    public async Task Unknown_tags_and_replays_are_answered_without_reading_the_spreadsheet()
    {
        await using var plant = await TestPlant.CreateAsync(provider: "GoogleSheets");
        var fake = plant.FakeSheets!;
        var id = Guid.NewGuid();
        var first = Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM, commandId: id));
        var reads = fake.BatchGets + fake.Gets;

        var replay = Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM, commandId: id));
        Expect.Error(await plant.RunAsync(CommandType.INICIAR, "NO-EXISTE-001", NR, Operacion.ARM), ErrorCode.SPOOL_NO_ENCONTRADO);

        Assert.True(replay.Replay);
        Assert.Equal(first.Mensaje, replay.Mensaje);
        Assert.Equal(reads, fake.BatchGets + fake.Gets);
    }

    [Fact]
    public async Task A_burst_of_a_hundred_commands_stays_within_the_read_budget_and_every_real_command_lands()
    {
        const int budget = 8;
        await using var plant = await TestPlant.CreateAsync(provider: "GoogleSheets", settings: new Dictionary<string, string?>
        {
            ["Zeues:GoogleSheets:ReadsPerMinute"] = budget.ToString(),
            // The test moves the plant clock a minute so the quota window slides; the in-process lease must outlast it.
            ["Zeues:Locks:TtlSeconds"] = "300",
        });
        var fake = plant.FakeSheets!;
        var reads = plant.Services.GetRequiredService<ReadBudget>();
        var replayed = Guid.NewGuid();
        Expect.Ok(await plant.RunAsync(CommandType.NOTA, S11, NR, texto: "antes de la ráfaga", commandId: replayed));

        string[] real = [S1, S2, S3, S4, S5, S6, S7, S8, S9, S10];
        var burst = new List<Task<CommandResult>>();
        for (var n = 0; n < 100; n++)
        {
            var i = n;
            burst.Add(Task.Run(() => (i % 10) switch
            {
                0 => plant.RunAsync(CommandType.NOTA, real[i / 10], NR, texto: $"ráfaga {i}"),
                1 or 2 or 3 => plant.RunAsync(CommandType.NOTA, S11, NR, texto: "antes de la ráfaga", commandId: replayed),
                4 or 5 or 6 => plant.RunAsync(CommandType.INICIAR, $"NO-EXISTE-{i:000}", NR, Operacion.ARM),
                _ => plant.RunAsync(CommandType.INICIAR, S1, Unknown, Operacion.ARM),
            }));
        }

        // The window is spent: the remaining commands wait for it instead of reading past the budget.
        await Eventually.TrueAsync(() => reads.Waits > 0 && fake.BatchGets + fake.Gets == budget, TimeSpan.FromSeconds(30));
        Assert.Equal(budget, fake.BatchGets + fake.Gets);
        Assert.Equal(budget, reads.Used().Used);
        plant.Time.Advance(TimeSpan.FromSeconds(61));
        var results = await Task.WhenAll(burst);

        Assert.Equal(10, results.Count(r => r.Succeeded && r.Outcome!.Resultado == Resultado.NOTA_AGREGADA && !r.Outcome.Replay));
        Assert.Equal(30, results.Count(r => r.Succeeded && r.Outcome!.Replay));
        Assert.Equal(30, results.Count(r => r.Error?.Code == ErrorCode.SPOOL_NO_ENCONTRADO));
        Assert.Equal(30, results.Count(r => r.Error?.Code == ErrorCode.WORKER_NO_ENCONTRADO));
        // Only the ten real commands read: one snapshot load, one sheet-id lookup, and one fresh read per command.
        Assert.Equal(2 + 11, fake.BatchGets + fake.Gets);
        Assert.InRange(reads.Used().Used, 0, budget);
    }
}
