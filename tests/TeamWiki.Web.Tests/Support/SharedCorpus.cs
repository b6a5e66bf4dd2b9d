namespace TeamWiki.Web.Tests.Support;

/// <summary>
/// The shared Dutch corpus beside the repository (<c>../shared/corpus</c>): 501 pages in <c>nl-ud/</c> and
/// the development query set <c>dev-queries.tsv</c>. Developers may lack it; CI always has it and sets
/// <see cref="RequiredVariable"/>, so there a missing corpus fails instead of skipping.
/// </summary>
public static class SharedCorpus
{
    /// <summary>Set to 1 (CI does, in .ci/run) to make a missing corpus a failure instead of a skip.</summary>
    public const string RequiredVariable = "TEAMWIKI_REQUIRE_CORPUS";

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Folder => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus"));

    /// <summary>The 501 wiki pages.</summary>
    public static string Pages => Path.Combine(Folder, "nl-ud");

    /// <summary>The development relevance set (365 queries over <see cref="Pages"/>).</summary>
    public static string DevQueries => Path.Combine(Folder, "dev-queries.tsv");

    public static bool Present => Directory.Exists(Pages) && File.Exists(DevQueries);

    public static bool Required => Environment.GetEnvironmentVariable(RequiredVariable) == "1";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TeamWiki.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TeamWiki.sln not found above " + AppContext.BaseDirectory);
    }
}
