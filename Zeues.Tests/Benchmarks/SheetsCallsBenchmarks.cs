using Zeues.Core.Domain;
using Zeues.Core.Workflows;
using Zeues.Tests.Fakes;
using Zeues.Tests.Support;
using static Zeues.Tests.Support.Fixture;

namespace Zeues.Tests.Benchmarks;

/// <summary>What each command costs in Sheets v4 calls, and how long it takes when every call costs 150 ms.</summary>
[Collection(BenchmarkCollection.Name)]
[Trait("Category", "Benchmark")]
public sealed class SheetsCallsBenchmarks
{
    private sealed record Calls(int Gets, int BatchGets, int BatchUpdates)
    {
        public static Calls Of(FakeSheetsServer f) => new(Volatile.Read(ref f.Gets), Volatile.Read(ref f.BatchGets), Volatile.Read(ref f.BatchUpdates));
        public static Calls operator -(Calls a, Calls b) => new(a.Gets - b.Gets, a.BatchGets - b.BatchGets, a.BatchUpdates - b.BatchUpdates);
    }

    [Fact]
    public async Task Each_command_type_costs_a_counted_number_of_sheets_reads_and_batch_updates()
    {
        await using var plant = await TestPlant.CreateAsync(provider: "GoogleSheets");
        var fake = plant.FakeSheets!;
        // The node's snapshot is loaded once at startup in the app; load it here so the first command is not charged for it.
        await plant.Cache.GetAsync();

        async Task Measure(string label, Func<Task<CommandResult>> command, string extra = "")
        {
            var before = Calls.Of(fake);
            Expect.Ok(await command());
            var d = Calls.Of(fake) - before;
            Assert.Equal(1, d.BatchUpdates);
            BenchOut.Row($"Sheets calls per {label}", $"{d.Gets + d.BatchGets} / {d.BatchUpdates}", "reads / batchUpdates",
                $"spreadsheets.get {d.Gets}, values.batchGet {d.BatchGets}; fake Sheets v4, §9 fixture, warm snapshot{extra}");
        }

        // The node's first write also fetches the sheet ids (spreadsheets.get), kept for the life of the process.
        await Measure("INICIAR, first write of the node", () => plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM),
            "; the get is the sheet-id lookup, once per process");
        await Measure("CANCELAR (v4, ARM)", () => plant.RunAsync(CommandType.CANCELAR, S1, NR, Operacion.ARM));
        await Measure("INICIAR (v4, ARM)", () => plant.RunAsync(CommandType.INICIAR, S1, NR, Operacion.ARM));
        await Measure("FINALIZAR (v4, ARM, 2 unions)", () => plant.RunAsync(CommandType.FINALIZAR, S2, MR, Operacion.ARM, ["002+2", "002+3"]));
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S9, NR, Operacion.ARM));
        await Measure("PAUSAR (v3, ARM)", () => plant.RunAsync(CommandType.PAUSAR, S9, NR, Operacion.ARM));
        Expect.Ok(await plant.RunAsync(CommandType.INICIAR, S9, NR, Operacion.ARM));
        await Measure("COMPLETAR (v3, ARM)", () => plant.RunAsync(CommandType.COMPLETAR, S9, NR, Operacion.ARM));
        await Measure("METROLOGIA (APROBADO)", () => plant.RunAsync(CommandType.METROLOGIA, S6, JM, resultado: ResultadoMetrologia.APROBADO));
        await Measure("NOTA", () => plant.RunAsync(CommandType.NOTA, S3, NR, texto: "revisar bisel"));
    }

    [Fact]
    public async Task Forty_commands_with_150_ms_per_sheets_call_give_the_command_latency_percentiles()
    {
        await using var plant = await TestPlant.CreateAsync(provider: "GoogleSheets");
        var fake = plant.FakeSheets!;
        await plant.Cache.GetAsync();
        fake.Latency = TimeSpan.FromMilliseconds(150);
        var samples = new List<double>();
        var before = Calls.Of(fake);

        // INICIAR then CANCELAR on the same spool: the pair leaves the plant as it found it, so all 40 do real work.
        for (var i = 0; i < 20; i++)
        {
            foreach (var type in new[] { CommandType.INICIAR, CommandType.CANCELAR })
            {
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                Expect.Ok(await plant.RunAsync(type, S1, NR, Operacion.ARM));
                samples.Add(System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        var calls = Calls.Of(fake) - before;
        Assert.Equal(40, samples.Count);
        Assert.Equal(40, calls.BatchUpdates);
        var notes = $"40 commands (20 INICIAR + 20 CANCELAR, v4 spool), fake Sheets v4 with Latency 150 ms per call, " +
                    $"per command {(calls.Gets + calls.BatchGets) / 40.0:0.#} read(s) + 1 batchUpdate";
        BenchOut.Row("Command latency p50 (Sheets 150 ms/call)", BenchOut.Percentile(samples, 50), "ms", notes);
        BenchOut.Row("Command latency p95 (Sheets 150 ms/call)", BenchOut.Percentile(samples, 95), "ms", notes);
    }
}
