using System.Diagnostics;
using Microsoft.Extensions.Options;
using TeamWiki.Storage;
using TeamWiki.Storage.Changes;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Spaces;
using Microsoft.Extensions.Logging.Abstractions;

namespace TeamWiki.Storage.Tests.Support;

/// <summary>A real bare repository in a temporary folder, optionally seeded from content-sample/.</summary>
public sealed class TempWiki : IDisposable
{
    public static readonly ContentAuthor Alice = new("Alice de Vries", "alice@example.org");
    public static readonly ContentAuthor Bob = new("Bob Jansen", "bob@example.org");

    /// <param name="seed">Import content-sample/ as the first commit.</param>
    /// <param name="maxPageBytes">The page size limit.</param>
    /// <param name="spaces">Spaces to create (pages can only be written in spaces that exist).</param>
    public TempWiki(bool seed = true, long maxPageBytes = 5 * 1024 * 1024, params string[] spaces)
    {
        Root = Path.Combine(Path.GetTempPath(), "teamwiki-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(Root);
        Repository = GitContentRepository.OpenOrCreate(GitDirectory);
        if (seed)
        {
            ContentSeeder.SeedIfEmpty(Repository, Paths.ContentSample, NullLogger.Instance);
        }

        Feed = new ChangeFeed(Repository);
        Catalog = new ContentCatalog(Repository);
        Pages = new PageStore(Repository, Catalog, Options.Create(new StorageOptions { MaxPageBytes = maxPageBytes }));
        foreach (var space in spaces)
        {
            CreateSpace(space);
        }
    }

    /// <summary>Creates a space, as <c>POST /api/spaces</c> does.</summary>
    public void CreateSpace(string key) => new SpaceStore(Repository, Catalog).Create(new SpaceInfo(key, key, ""), Alice);

    public string Root { get; }

    public string GitDirectory => Path.Combine(Root, "wiki.git");

    public GitContentRepository Repository { get; }

    public ContentCatalog Catalog { get; }

    public ChangeFeed Feed { get; }

    public PageStore Pages { get; }

    public static PagePath P(string path) => PagePath.Parse(path);

    /// <summary>Runs the git command line against the repository and returns its output.</summary>
    public string Git(string arguments, string? workingDirectory = null) => Paths.RunGit(arguments, workingDirectory ?? GitDirectory);

    public void Dispose()
    {
        Repository.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A clone's pack files may still be open on a slow disk; the temp folder is cleaned up later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

public static class Paths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string ContentSample => Path.Combine(RepositoryRoot, "content-sample");

    public static string RunGit(string arguments, string workingDirectory)
    {
        var psi = new ProcessStartInfo("git", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["GIT_AUTHOR_NAME"] = "Carla Outside";
        psi.Environment["GIT_AUTHOR_EMAIL"] = "carla@example.org";
        psi.Environment["GIT_COMMITTER_NAME"] = "Carla Outside";
        psi.Environment["GIT_COMMITTER_EMAIL"] = "carla@example.org";
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {arguments} failed ({process.ExitCode}): {error.Result}");
        }

        return output.Result + error.Result;
    }

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
