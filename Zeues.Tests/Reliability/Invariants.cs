using System.Collections.Concurrent;
using Zeues.Core.Domain;
using Zeues.Core.Reading;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;

namespace Zeues.Tests.Reliability;

/// <summary>What a run of commands sent, and what each answered.</summary>
public sealed class CommandLog
{
    private readonly ConcurrentQueue<(CommandRequest Request, CommandResult Result)> _entries = new();

    public void Add(CommandRequest request, CommandResult result) => _entries.Enqueue((request, result));

    public IReadOnlyList<(CommandRequest Request, CommandResult Result)> Entries => _entries.ToList();

    public int Succeeded => _entries.Count(e => e.Result.Succeeded);
}

/// <summary>
/// The properties that must hold after any run (ARCHITECTURE "Properties"): a spool never had two
/// occupants, every outcome has exactly one primary Metadata row and every failure none, and the
/// counters of every spool a command wrote equal its union facts.
/// </summary>
public static class Invariants
{
    private static readonly HashSet<string> Closing = [AuditEvent.PausarSpool, AuditEvent.CompletarSpool, AuditEvent.CancelarSpool, AuditEvent.LiberacionForzada];

    public static async Task AssertAsync(IWorkbook workbook, PlantSnapshot before, CommandLog log)
    {
        var after = PlantReader.Read(await workbook.ReadAsync(Sheets.All), DateTimeOffset.UtcNow);
        var appended = after.Metadata.Skip(before.Metadata.Count).ToList();

        foreach (var tag in appended.Select(e => e.Tag!).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var occupied = before.Find(tag)?.IsOccupied ?? false;
            foreach (var e in appended.Where(e => string.Equals(e.Tag, tag, StringComparison.OrdinalIgnoreCase)))
            {
                if (e.EventoTipo == AuditEvent.IniciarSpool)
                {
                    Assert.False(occupied, $"{tag} was started while occupied (Metadata row {e.RowNumber})");
                    occupied = true;
                }
                else if (Closing.Contains(e.EventoTipo))
                {
                    Assert.True(occupied, $"{tag} was released while free (Metadata row {e.RowNumber})");
                    occupied = false;
                }
            }
            Assert.Equal(occupied, after.Find(tag)!.IsOccupied);
        }

        var primaries = appended.Where(e => e.JsonText("comando") is not null).GroupBy(e => e.Id!).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (request, result) in log.Entries)
        {
            var id = request.CommandId.ToString("D");
            if (result.Succeeded) Assert.True(primaries.GetValueOrDefault(id) == 1, $"{request.Type} {request.Tag} ({id}) should have exactly one primary row");
            else Assert.False(primaries.ContainsKey(id), $"failed {request.Type} {request.Tag} ({result.Error!.Code}) left a Metadata row");
        }
        Assert.Equal(primaries.Count, log.Entries.Where(e => e.Result.Succeeded && !e.Result.Outcome!.Replay).Select(e => e.Request.CommandId).Distinct().Count());

        foreach (var tag in log.Entries.Where(e => e.Result.Succeeded).Select(e => e.Request.Tag).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var spool = after.Find(tag)!;
            if (spool.Version == SpoolVersion.V4 && !spool.HasDataError)
                Assert.Equal(SpoolCounters.From(spool.Unions), spool.StoredCounters);
        }
    }
}
