using System.Globalization;

namespace Zeues.Tests.Benchmarks;

/// <summary>
/// Appends result rows "metric | value | unit | notes" to the file named by ZEUES_BENCH_OUT, which
/// ./bench.sh renders into docs/benchmarks.md. Without the variable the rows go to the test output only.
/// </summary>
public static class BenchOut
{
    private static readonly Lock Gate = new();

    public static void Row(string metric, string value, string unit, string notes = "")
    {
        var line = $"{metric} | {value} | {unit} | {notes}";
        Console.WriteLine("BENCH " + line);
        if (Environment.GetEnvironmentVariable("ZEUES_BENCH_OUT") is not { Length: > 0 } file) return;
        lock (Gate) File.AppendAllText(file, line + Environment.NewLine);
    }

    public static void Row(string metric, double value, string unit, string notes = "") => Row(metric, Format(value), unit, notes);

    /// <summary>Whole numbers from 100 up, one decimal from 1, two below 1, so the table stays readable.</summary>
    public static string Format(double value) => value.ToString(
        Math.Abs(value) >= 100 || value == Math.Floor(value) ? "0" : Math.Abs(value) >= 1 ? "0.0" : "0.00", CultureInfo.InvariantCulture);

    /// <summary>Nearest-rank percentile (p in 0..100) of the samples.</summary>
    public static double Percentile(IEnumerable<double> samples, double p)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0) throw new ArgumentException("no samples", nameof(samples));
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Runs <paramref name="action"/> <paramref name="times"/> times and returns each run's milliseconds.</summary>
    public static List<double> Time(int times, Action action)
    {
        var samples = new List<double>(times);
        for (var i = 0; i < times; i++)
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            action();
            samples.Add(System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return samples;
    }
}
