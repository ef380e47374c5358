using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Zeues.Core.Reports;
using Zeues.Core.Workbook;
using Zeues.Core.Workbook.Sqlite;
using Zeues.Tests.Coordination;
using Zeues.Tests.Support;

namespace Zeues.Tests.ShiftEnd;

[Collection(Zeues.Tests.E2E.BrowserCollection.Name)]
public sealed class ParteDiarioScheduleTests
{
    private static readonly DateTime BeforeHora = new(2026, 1, 22, 23, 49, 0);
    private static readonly DateTime AtHora = new(2026, 1, 22, 23, 50, 0);

    [Fact]
    public async Task Two_nodes_at_the_scheduled_time_write_the_days_report_exactly_once()
    {
        var path = await RedisLockTests.NewWorkbookAsync();
        var prefix = RedisServer.Prefix(nameof(Two_nodes_at_the_scheduled_time_write_the_days_report_exactly_once));
        var time = new FakeTimeProvider(TestPlant.ToUtc(BeforeHora));
        await using var a = await Node.StartAsync(path, RedisServer.Shared, prefix, time);
        await using var b = await Node.StartAsync(path, RedisServer.Shared, prefix, time);
        var written = new Dictionary<string, int> { ["a"] = 0, ["b"] = 0 };
        void Count(Node node, string name) => node.Services.GetRequiredService<SqliteWorkbook>().AfterRowWritten = (sheet, _) =>
        {
            if (sheet == ParteDiario.Sheet) lock (written) written[name]++;
        };
        Count(a, "a");
        Count(b, "b");

        time.SetUtcNow(TestPlant.ToUtc(AtHora));

        var workbook = new SqliteWorkbook(path);
        await Eventually.TrueAsync(async () => (await workbook.SheetNamesAsync()).Contains(ParteDiario.Sheet), TimeSpan.FromSeconds(20),
            "one node writes Parte_Diario at 23:50");
        // Both nodes woke at 23:50; the one that lost the claim must have finished deciding before we count.
        ParteDiarioSchedule Schedule(Node node) => node.Services.GetRequiredService<ParteDiarioSchedule>();
        await Eventually.TrueAsync(() => Schedule(a).LastRun is not null && Schedule(b).LastRun is not null, TimeSpan.FromSeconds(20),
            "both nodes ran their 23:50 turn");

        Assert.Equal(["escrito", "otro nodo"], new[] { Schedule(a).LastRun!.Value.Resultado, Schedule(b).LastRun!.Value.Resultado }.Order());
        lock (written) Assert.Equal(1, written.Values.Count(v => v > 0));
        var sheet = (await workbook.ReadAsync([ParteDiario.Sheet]))[ParteDiario.Sheet];
        var total = Assert.Single(sheet.Rows, r => CellReader.Text(sheet.Get(r, "Trabajador")) == ParteDiario.Total);
        Assert.Equal("22-01-2026", CellReader.Text(sheet.Get(total, "Fecha")));
    }
}
