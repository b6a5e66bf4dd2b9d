using Microsoft.Extensions.Logging;

namespace TeamWiki.Storage.Git;

/// <summary>Fills an empty repository with the sample wiki as its first commit.</summary>
public static class ContentSeeder
{
    /// <summary>
    /// When the repository has no commits, imports every space folder (top-level directory) of
    /// <paramref name="sourceDirectory"/> as one commit. Returns true when it imported something.
    /// </summary>
    public static bool SeedIfEmpty(GitContentRepository repository, string? sourceDirectory, ILogger logger)
    {
        if (repository.Head is not null)
        {
            return false;
        }

        if (sourceDirectory is null || !Directory.Exists(sourceDirectory))
        {
            logger.LogWarning("The repository is empty and no sample content was found at {Path}; starting with an empty wiki", sourceDirectory);
            return false;
        }

        var root = Path.GetFullPath(sourceDirectory);
        var changes = Directory.EnumerateDirectories(root)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(f => (FileChange)new PutFile(Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes(f)))
            .ToList();
        if (changes.Count == 0)
        {
            return false;
        }

        var outcome = repository.Commit(new CommitRequest(changes, ContentAuthor.System, "Import the sample wiki"));
        logger.LogInformation("Seeded the wiki with {Count} files from {Path} ({Commit})", changes.Count, root, outcome.CommitId[..7]);
        return true;
    }
}
