using System.Text.RegularExpressions;

namespace Zeues.Tests.Repository;

/// <summary>
/// The folders of Zeues.Core are layers (README "Layout"): a file may name what lies in its own folder
/// or in a layer below it, never above, so no two folders import each other.
/// </summary>
public sealed partial class LayerTests
{
    /// <summary>Lowest first; folders on one line are peers and may not import each other either.</summary>
    private static readonly string[][] Layers =
    [
        ["Domain"],
        ["Workbook"],
        ["Reading"],
        ["Diagnostics"],
        ["Coordination"],
        ["Queries"],
        ["Workflows"],
        ["Reports"],
        ["Setup"],
    ];

    /// <summary>The composition root (DependencyInjection) sits above every layer.</summary>
    private const int Root = int.MaxValue;

    [Fact]
    public void No_core_folder_imports_a_folder_above_it()
    {
        var core = Path.Combine(RepositoryRoot.Find().FullName, "Zeues.Core");
        var upward = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => UpwardImports(File.ReadAllText(f)).Select(target => $"{Path.GetRelativePath(core, f)} → {target}"))
            .ToList();

        Assert.Empty(upward);
    }

    [Fact]
    public void Every_core_folder_is_placed_in_a_layer()
    {
        var core = new DirectoryInfo(Path.Combine(RepositoryRoot.Find().FullName, "Zeues.Core"));
        var folders = core.EnumerateDirectories().Select(d => d.Name).Where(n => n is not ("bin" or "obj"));

        Assert.DoesNotContain(folders, f => Rank(f) is null);
    }

    [Fact]
    public void The_check_sees_using_directives_full_names_and_names_qualified_from_zeues_core()
    {
        Assert.Equal(["Workflows"], UpwardImports("using Zeues.Core.Workflows;\nnamespace Zeues.Core.Queries;\nclass A {}"));
        Assert.Equal(["Queries"], UpwardImports("namespace Zeues.Core.Reading;\nclass A { Zeues.Core.Queries.SpoolView? V; }"));
        Assert.Equal(["Workflows"], UpwardImports("namespace Zeues.Core.Domain;\nclass A { bool B => x == Workflows.AuditEvent.NotaAgregada; }"));
        Assert.Equal(["Setup"], UpwardImports("using Zeues.Core.Setup;\nnamespace Zeues.Core.Reports;\nclass A {}"));
        // Downward, in comments or in text: allowed.
        Assert.Empty(UpwardImports("using Zeues.Core.Domain;\nnamespace Zeues.Core.Queries;\n// see Workflows.SpoolCommands\nclass A { string S = \"Setup.X\"; }"));
    }

    [Fact]
    public void No_screen_or_dialog_creates_a_command_id()
    {
        // The work flow (Zeues.Web/Work) gives each intent its id; components only run what they are given.
        var components = Path.Combine(RepositoryRoot.Find().FullName, "Zeues.Web", "Components");
        var minting = Directory.EnumerateFiles(components, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => NewId().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(components, f))
            .ToList();

        Assert.Empty(minting);
    }

    [GeneratedRegex(@"Guid\.(NewGuid|CreateVersion7)\(")]
    private static partial Regex NewId();

    /// <summary>The Zeues.Core folders a source file names that lie above (or beside) its own.</summary>
    private static IReadOnlyList<string> UpwardImports(string source)
    {
        var code = Comment().Replace(StringLiteral().Replace(source, "\"\""), "");
        if (Namespace().Match(code) is not { Success: true } ns) return [];
        var own = ns.Groups[1].Success ? ns.Groups[1].Value : null;
        var ownRank = own is null ? Root : Rank(own) ?? Root;
        return Reference().Matches(code)
            .Select(m => m.Groups["folder"].Value)
            .Where(folder => folder != own && Rank(folder) is { } rank && rank >= ownRank)
            .Distinct()
            .ToList();
    }

    private static int? Rank(string folder) => Array.FindIndex(Layers, layer => layer.Contains(folder)) is var i and >= 0 ? i : null;

    [GeneratedRegex(@"^\s*namespace\s+Zeues\.Core(?:\.(\w+))?", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    /// <summary>Zeues.Core.X anywhere, or X.Type where X is a Core folder reached through the enclosing Zeues.Core namespace.</summary>
    [GeneratedRegex(@"(?:\bZeues\.Core\.|(?<![\w.])(?=(?:Domain|Workbook|Reading|Diagnostics|Coordination|Queries|Workflows|Reports|Setup)\.[A-Z]))(?<folder>\w+)")]
    private static partial Regex Reference();

    [GeneratedRegex(@"@?\$*""(?:\\.|[^""\\\n])*""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
