using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using Zeues.Core.Demo;
using Zeues.Core.Workbook;

namespace Zeues.Tests.Support;

/// <summary>A cell written as an inline string (<c>t="inlineStr"</c>) instead of a shared string.</summary>
public sealed record XlsxInline(string Text);

/// <summary>A shared string made of rich-text runs (each run its own formatting, as Excel and Google write them).</summary>
public sealed record XlsxRichText(params string[] Runs);

/// <summary>A number with a date number format: the sheet shows a date, the file holds the serial.</summary>
public sealed record XlsxDate(double Serial);

/// <summary>A formula with its cached result (a string or a number).</summary>
public sealed record XlsxFormula(string Formula, object Cached);

/// <summary>One sheet to write: rows from row 1 (the header); a null cell is left out of the XML, leaving a gap.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// Writes a real .xlsx package (content types, relationships, workbook, shared strings, styles,
/// one worksheet per sheet) so the import is tested against the file layout spreadsheet programs produce.
/// </summary>
public static class XlsxWriter
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRel = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static readonly XNamespace ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string RelType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private const string Ct = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
    private const int DateStyle = 1;

    /// <summary>Every sheet of the rows, header first (the embedded template's headers), values placed by header name.</summary>
    public static IReadOnlyList<XlsxSheet> FromSheetRows(SheetRows rows) => Sheets.All.Select(sheet =>
    {
        var headers = WorkbookSchema.Template[sheet];
        var map = new HeaderMap(headers.ToList());
        var data = (rows.GetValueOrDefault(sheet) ?? []).Select(row =>
        {
            var cells = new object?[headers.Count];
            foreach (var (column, value) in row) cells[map.IndexOf(column)] = AsCell(column, value);
            return (IReadOnlyList<object?>)cells;
        });
        return new XlsxSheet(sheet, [headers.Cast<object?>().ToList(), .. data]);
    }).ToList();

    /// <summary>A serial in a date column is written date-formatted, as the office's spreadsheet holds it.</summary>
    private static object? AsCell(string column, object? value) =>
        value is double serial && column.StartsWith("Fecha", StringComparison.OrdinalIgnoreCase) ? new XlsxDate(serial) : value;

    public static void Write(string path, IEnumerable<XlsxSheet> sheets)
    {
        var list = sheets.ToList();
        var shared = new SharedStrings();
        var worksheets = list.Select(s => Worksheet(s, shared)).ToList();

        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(zip, "[Content_Types].xml", new XElement(ContentTypes + "Types",
            new XElement(ContentTypes + "Default", new XAttribute("Extension", "rels"), new XAttribute("ContentType", "application/vnd.openxmlformats-package.relationships+xml")),
            new XElement(ContentTypes + "Default", new XAttribute("Extension", "xml"), new XAttribute("ContentType", "application/xml")),
            Override("/xl/workbook.xml", Ct + "sheet.main+xml"),
            Override("/xl/sharedStrings.xml", Ct + "sharedStrings+xml"),
            Override("/xl/styles.xml", Ct + "styles+xml"),
            list.Select((_, i) => Override($"/xl/worksheets/sheet{i + 1}.xml", Ct + "worksheet+xml"))));
        Add(zip, "_rels/.rels", Relationships(("rId1", "officeDocument", "xl/workbook.xml")));
        Add(zip, "xl/workbook.xml", new XElement(Main + "workbook", new XAttribute(XNamespace.Xmlns + "r", Rel),
            new XElement(Main + "sheets", list.Select((s, i) => new XElement(Main + "sheet",
                new XAttribute("name", s.Name), new XAttribute("sheetId", i + 1), new XAttribute(Rel + "id", $"rId{i + 1}"))))));
        Add(zip, "xl/_rels/workbook.xml.rels", Relationships([
            .. list.Select((_, i) => ($"rId{i + 1}", "worksheet", $"worksheets/sheet{i + 1}.xml")),
            ("rIdStrings", "sharedStrings", "sharedStrings.xml"),
            ("rIdStyles", "styles", "/xl/styles.xml"),
        ]));
        Add(zip, "xl/sharedStrings.xml", shared.Xml());
        Add(zip, "xl/styles.xml", Styles());
        for (var i = 0; i < worksheets.Count; i++) Add(zip, $"xl/worksheets/sheet{i + 1}.xml", worksheets[i]);
    }

    private static XElement Worksheet(XlsxSheet sheet, SharedStrings shared) => new(Main + "worksheet",
        new XElement(Main + "sheetData", sheet.Rows.Select((row, r) => new XElement(Main + "row", new XAttribute("r", r + 1),
            row.Select((value, c) => value is null ? null : Cell(ColumnName(c) + (r + 1), value, shared))))));

    private static XElement Cell(string reference, object value, SharedStrings shared)
    {
        var cell = new XElement(Main + "c", new XAttribute("r", reference));
        switch (value)
        {
            case string text:
                cell.Add(new XAttribute("t", "s"), V(shared.Add(new XElement(Main + "t", Preserve(text), text))));
                break;
            case XlsxRichText rich:
                cell.Add(new XAttribute("t", "s"), V(shared.Add(rich.Runs.Select((run, i) => new XElement(Main + "r",
                    i == 0 ? new XElement(Main + "rPr", new XElement(Main + "b")) : null,
                    new XElement(Main + "t", Preserve(run), run))).ToArray())));
                break;
            case XlsxInline inline:
                cell.Add(new XAttribute("t", "inlineStr"), new XElement(Main + "is", new XElement(Main + "t", inline.Text)));
                break;
            case bool flag:
                cell.Add(new XAttribute("t", "b"), V(flag ? 1 : 0));
                break;
            case XlsxDate date:
                cell.Add(new XAttribute("s", DateStyle), V(date.Serial));
                break;
            case XlsxFormula { Cached: string text } formula:
                cell.Add(new XAttribute("t", "str"), new XElement(Main + "f", formula.Formula), V(text));
                break;
            case XlsxFormula formula:
                cell.Add(new XElement(Main + "f", formula.Formula), V(formula.Cached));
                break;
            default:
                cell.Add(V(value));
                break;
        }
        return cell;
    }

    private static XElement V(object value) => new(Main + "v", Convert.ToString(value is double d ? d.ToString("R", CultureInfo.InvariantCulture) : value, CultureInfo.InvariantCulture));

    private static XAttribute? Preserve(string text) =>
        text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) ? new XAttribute(XNamespace.Xml + "space", "preserve") : null;

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>Default style 0 plus style 1 with the built-in date format 14 (m/d/yyyy).</summary>
    private static XElement Styles() => new(Main + "styleSheet",
        new XElement(Main + "fonts", new XAttribute("count", 1), new XElement(Main + "font")),
        new XElement(Main + "fills", new XAttribute("count", 1), new XElement(Main + "fill")),
        new XElement(Main + "borders", new XAttribute("count", 1), new XElement(Main + "border")),
        new XElement(Main + "cellStyleXfs", new XAttribute("count", 1), new XElement(Main + "xf")),
        new XElement(Main + "cellXfs", new XAttribute("count", 2),
            new XElement(Main + "xf", new XAttribute("numFmtId", 0)),
            new XElement(Main + "xf", new XAttribute("numFmtId", 14), new XAttribute("applyNumberFormat", 1))));

    private static XElement Override(string part, string type) =>
        new(ContentTypes + "Override", new XAttribute("PartName", part), new XAttribute("ContentType", type));

    private static XElement Relationships(params (string Id, string Type, string Target)[] rels) => new(PackageRel + "Relationships",
        rels.Select(r => new XElement(PackageRel + "Relationship",
            new XAttribute("Id", r.Id), new XAttribute("Type", RelType + r.Type), new XAttribute("Target", r.Target))));

    private static void Add(ZipArchive zip, string part, XElement root)
    {
        using var stream = zip.CreateEntry(part).Open();
        new XDocument(new XDeclaration("1.0", "UTF-8", "yes"), root).Save(stream);
    }

    /// <summary>The shared string table; identical items are stored once, as spreadsheet programs do.</summary>
    private sealed class SharedStrings
    {
        private readonly List<XElement> _items = [];
        private readonly Dictionary<string, int> _index = [];

        public int Add(params XElement[] content)
        {
            var item = new XElement(Main + "si", content);
            var key = item.ToString(SaveOptions.DisableFormatting);
            if (_index.TryGetValue(key, out var i)) return i;
            _items.Add(item);
            return _index[key] = _items.Count - 1;
        }

        public XElement Xml() => new(Main + "sst", new XAttribute("count", _items.Count), new XAttribute("uniqueCount", _items.Count), _items);
    }
}
