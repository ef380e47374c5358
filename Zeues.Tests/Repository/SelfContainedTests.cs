using System.Text.RegularExpressions;
using Zeues.Tests.Fakes;

namespace Zeues.Tests.Repository;

/// <summary>A clone alone builds and passes its tests: nothing is looked for outside the repository.</summary>
public sealed partial class SelfContainedTests
{
    [Fact]
    public void The_sheets_discovery_document_is_kept_inside_the_repository()
    {
        var root = RepositoryRoot.Find().FullName;
        var kept = Path.Combine(root, "Zeues.Tests", "Fakes", "Reference", "sheets.v4.discovery.json");

        Assert.True(File.Exists(kept), $"missing {kept}");
        Assert.StartsWith(root, DiscoverySchema.FindFile());
        Assert.Equal(File.ReadAllText(kept), File.ReadAllText(DiscoverySchema.FindFile()));
    }

    [Fact]
    public void No_source_script_or_project_file_reaches_outside_the_repository()
    {
        var root = RepositoryRoot.Find();
        var offenders = root.EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => f.Extension is ".cs" or ".sh" or ".props" or ".csproj" or ".json" && !IsBuildOutput(f, root))
            .Where(f => f.Name != "sheets.v4.discovery.json" && f.Name != nameof(SelfContainedTests) + ".cs")
            .Where(f => OutsideReference().IsMatch(File.ReadAllText(f.FullName)))
            .Select(f => Path.GetRelativePath(root.FullName, f.FullName))
            .ToList();

        Assert.Empty(offenders);
    }

    private static bool IsBuildOutput(FileInfo file, DirectoryInfo root)
    {
        var parts = Path.GetRelativePath(root.FullName, file.FullName).Split(Path.DirectorySeparatorChar);
        return parts.Any(p => p is "bin" or "obj" or ".git" or "TestResults" or "node_modules");
    }

    [GeneratedRegex(@"(\.\./)+shared[/]|""shared"",\s*""reference""|shared[/]reference")]
    private static partial Regex OutsideReference();
}
