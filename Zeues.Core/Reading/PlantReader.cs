using Zeues.Core.Domain;
using Zeues.Core.Workbook;

namespace Zeues.Core.Reading;

/// <summary>Turns the five sheets into a <see cref="PlantSnapshot"/>. The only place rows become domain objects.</summary>
public static class PlantReader
{
    public static PlantSnapshot Read(IReadOnlyDictionary<string, SheetData> sheets, DateTimeOffset loadedAt)
    {
        var issues = new List<DataError>();
        var schema = SchemaReport.Check(sheets);
        var unions = UnionReader.Read(sheets[Sheets.Uniones]);
        var spools = SpoolReader.Read(sheets[Sheets.Operaciones], unions, issues);
        var workers = WorkerReader.Read(sheets[Sheets.Trabajadores], sheets[Sheets.Roles], issues);
        var metadata = MetadataReader.Read(sheets[Sheets.Metadata]);
        return new PlantSnapshot(workers, spools, issues, ConsistencyWarnings.Of(spools), schema, metadata,
            sheets.ToDictionary(s => s.Key, s => s.Value.Header), loadedAt);
    }
}
