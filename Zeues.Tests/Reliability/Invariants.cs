using System.Collections.Concurrent;
using Zeues.Core.Domain;
using Zeues.Core.Reading;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows;

namespace Zeues.Tests.Reliability;

/// <summary>One command of a run as its sender saw it (in-process or over HTTP).</summary>
public sealed record LoggedCommand(CommandRequest Request, bool Succeeded, bool Replay, ErrorCode? Error, int? HttpStatus = null);

/// <summary>What a run of commands sent, and what each answered.</summary>
public sealed class CommandLog
{
    private readonly ConcurrentQueue<LoggedCommand> _entries = new();

    public void Add(CommandRequest request, CommandResult result) =>
        _entries.Enqueue(new LoggedCommand(request, result.Succeeded, result.Outcome?.Replay ?? false, result.Error?.Code));

    public void Add(LoggedCommand command) => _entries.Enqueue(command);

    public IReadOnlyList<LoggedCommand> Entries => _entries.ToList();

    public int Succeeded => _entries.Count(e => e.Succeeded);
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
        foreach (var entry in log.Entries)
        {
            var (request, id) = (entry.Request, entry.Request.CommandId.ToString("D"));
            if (entry.Succeeded) Assert.True(primaries.GetValueOrDefault(id) == 1, $"{request.Type} {request.Tag} ({id}) should have exactly one primary row");
            else Assert.False(primaries.ContainsKey(id), $"failed {request.Type} {request.Tag} ({entry.Error}) left a Metadata row");
        }
        Assert.Equal(primaries.Count, log.Entries.Where(e => e.Succeeded && !e.Replay).Select(e => e.Request.CommandId).Distinct().Count());

        foreach (var tag in log.Entries.Where(e => e.Succeeded).Select(e => e.Request.Tag).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var spool = after.Find(tag)!;
            if (spool.Version == SpoolVersion.V4 && !spool.HasDataError)
                Assert.Equal(SpoolCounters.From(spool.Unions), spool.StoredCounters);
        }
    }
}
