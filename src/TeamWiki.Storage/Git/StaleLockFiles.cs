using Microsoft.Extensions.Logging;

namespace TeamWiki.Storage.Git;

/// <summary>
/// Removes lock files that a killed writer left behind; without that no ref could be moved again.
/// A git lock file names no owner, so the rule is about time, and it is applied only by a process that
/// holds the repository alone (<see cref="RepositoryPresence"/>):
/// <list type="bullet">
/// <item>git and libgit2 hold a ref, <c>packed-refs</c> or <c>config</c> lock for the moment of one write
/// (milliseconds), so a lock file that has not changed for <c>staleAfter</c> (10 seconds by default)
/// belongs to a writer that is gone.</item>
/// <item>A younger lock file may belong to a live <c>git push</c>: it is watched until it disappears (its
/// writer finished) or reaches that age unchanged (its writer died), and only then removed.</item>
/// <item>Nothing is removed while another wiki process holds the repository: its writes are in flight.</item>
/// </list>
/// </summary>
internal static class StaleLockFiles
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public static void Remove(string gitDirectory, TimeSpan staleAfter, ILogger logger)
    {
        foreach (var file in Candidates(gitDirectory))
        {
            RemoveWhenStale(file, staleAfter, logger);
        }
    }

    private static IEnumerable<string> Candidates(string gitDirectory)
    {
        var roots = new[] { "HEAD.lock", "packed-refs.lock", "config.lock" }.Select(f => Path.Combine(gitDirectory, f)).Where(File.Exists);
        var refs = Path.Combine(gitDirectory, "refs");
        return Directory.Exists(refs)
            ? roots.Concat(Directory.EnumerateFiles(refs, "*.lock", SearchOption.AllDirectories)).ToList()
            : roots.ToList();
    }

    private static void RemoveWhenStale(string file, TimeSpan staleAfter, ILogger logger)
    {
        // A lock that keeps being renewed (a new writer each time) is not waited for forever.
        var giveUp = DateTime.UtcNow + staleAfter * 2;
        while (true)
        {
            var info = new FileInfo(file);
            if (!info.Exists)
            {
                return;
            }

            var age = DateTime.UtcNow - info.LastWriteTimeUtc;
            if (age >= staleAfter)
            {
                logger.LogWarning("Removing {File}: unchanged for {Age:N0} s, so its writer is gone", file, age.TotalSeconds);
                TryDelete(file);
                return;
            }

            if (DateTime.UtcNow > giveUp)
            {
                logger.LogWarning("{File} keeps being renewed; leaving it to its writer", file);
                return;
            }

            Thread.Sleep(Poll);
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
        }
    }
}
