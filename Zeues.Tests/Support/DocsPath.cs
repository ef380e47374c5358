namespace Zeues.Tests.Support;

/// <summary>Where browser tests save pictures: docs/ when ZEUES_UPDATE_DOCS=1, else a temp file.</summary>
public static class DocsPath
{
    public static string For(string file)
    {
        if (Environment.GetEnvironmentVariable("ZEUES_UPDATE_DOCS") != "1") return Path.Combine(Path.GetTempPath(), $"zeues-{file}");
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Zeues.sln"))) dir = Path.GetDirectoryName(dir);
        var docs = Path.Combine(dir ?? Path.GetTempPath(), "docs");
        Directory.CreateDirectory(docs);
        return Path.Combine(docs, file);
    }
}
