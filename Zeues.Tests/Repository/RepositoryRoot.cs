namespace Zeues.Tests.Repository;

/// <summary>The clone the tests run from: the folder holding Zeues.sln above the test output.</summary>
internal static class RepositoryRoot
{
    public static DirectoryInfo Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Zeues.sln"))) return dir;
        throw new InvalidOperationException("Zeues.sln not found above the test output");
    }
}
