using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace Zeues.Core.Workbook.Xlsx;

/// <summary>
/// A minimal reader of .xlsx files (SpreadsheetML), enough to import a download of the plant
/// spreadsheet: sheet names, then each sheet's cells unformatted. It is dependency-free on purpose:
/// ZEUES only needs values, never styles, and a zip plus a few XML parts give exactly that.
/// Elements are matched by local name so transitional and strict files both read.
/// </summary>
public sealed class XlsxFile : IDisposable
{
    private const string OfficeDocument = "/officeDocument";
    private const string SharedStringsType = "/sharedStrings";

    private readonly ZipArchive _zip;
    private readonly Dictionary<string, string> _sheetParts;
    private readonly IReadOnlyList<string> _sharedStrings;

    private XlsxFile(ZipArchive zip)
    {
        _zip = zip;
        var workbookPart = Relationships("", "_rels/.rels").Where(r => r.Type.EndsWith(OfficeDocument, StringComparison.Ordinal)).Select(r => r.Target).FirstOrDefault()
            ?? "xl/workbook.xml";
        var workbook = Load(workbookPart) ?? throw new InvalidDataException($"Falta {workbookPart}.");
        var rels = Relationships(FolderOf(workbookPart), RelsOf(workbookPart)).ToList();
        var targets = rels.DistinctBy(r => r.Id).ToDictionary(r => r.Id, r => r.Target, StringComparer.Ordinal);

        _sheetParts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        foreach (var sheet in workbook.Descendants().Where(e => e.Name.LocalName == "sheet"))
        {
            var name = (string?)sheet.Attribute("name");
            var id = sheet.Attributes().FirstOrDefault(a => a.Name.LocalName == "id" && a.Name.Namespace != XNamespace.None)?.Value;
            if (name is null || id is null || !targets.TryGetValue(id, out var part)) continue;
            names.Add(name);
            _sheetParts.TryAdd(name, part);
        }
        SheetNames = names;

        var shared = rels.Where(r => r.Type.EndsWith(SharedStringsType, StringComparison.Ordinal)).Select(r => r.Target).FirstOrDefault();
        _sharedStrings = (shared is null ? null : Load(shared))?.Root?.Elements().Where(e => e.Name.LocalName == "si").Select(XlsxText.Of).ToList()
            ?? [];
    }

    /// <summary>Sheet names in workbook order (tab order).</summary>
    public IReadOnlyList<string> SheetNames { get; }

    public static XlsxFile Open(string path)
    {
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{path} no es un archivo .xlsx.", ex);
        }
        try
        {
            return new XlsxFile(zip);
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException)
        {
            zip.Dispose();
            throw new InvalidDataException($"{path} no es un archivo .xlsx legible: {ex.Message}", ex);
        }
    }

    /// <summary>Rows of one sheet (found case-insensitively) with their sheet row numbers; row 1 is the header.</summary>
    public IReadOnlyList<SheetRow>? ReadSheet(string name)
    {
        if (!_sheetParts.TryGetValue(name, out var part)) return null;
        try
        {
            var xml = Load(part) ?? throw new InvalidDataException($"Falta {part}.");
            return XlsxSheetParser.Parse(xml, _sharedStrings);
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException)
        {
            throw new InvalidDataException($"No se pudo leer la hoja {name}: {ex.Message}", ex);
        }
    }

    public void Dispose() => _zip.Dispose();

    private XDocument? Load(string part)
    {
        var entry = _zip.GetEntry(part);
        if (entry is null) return null;
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    /// <summary>A part's relationships, with each target resolved to a package path.</summary>
    private IEnumerable<(string Id, string Type, string Target)> Relationships(string baseDirectory, string relsPart) =>
        (Load(relsPart)?.Root?.Elements() ?? []).Where(e => e.Name.LocalName == "Relationship")
            .Where(e => !string.Equals((string?)e.Attribute("TargetMode"), "External", StringComparison.Ordinal))
            .Select(e => ((string?)e.Attribute("Id") ?? "", (string?)e.Attribute("Type") ?? "", Resolve(baseDirectory, (string?)e.Attribute("Target") ?? "")));

    private static string FolderOf(string part) => part.LastIndexOf('/') is var slash and >= 0 ? part[..(slash + 1)] : "";

    private static string RelsOf(string part) => $"{FolderOf(part)}_rels/{part[FolderOf(part).Length..]}.rels";

    /// <summary>Targets are relative to the source part's folder ("worksheets/sheet1.xml") or absolute ("/xl/...").</summary>
    private static string Resolve(string baseDirectory, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : baseDirectory + target;
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..") { if (segments.Count > 0) segments.RemoveAt(segments.Count - 1); }
            else if (segment is not ("." or "")) segments.Add(segment);
        }
        return string.Join('/', segments);
    }
}
