using Microsoft.Extensions.Logging;

namespace TeamWiki.Storage.Git;

/// <summary>
/// Marks this process as a live user of the repository for as long as it runs: a shared lock
/// (<c>flock</c> on Unix, a share mode on Windows) on <c>teamwiki.instance</c> in the git folder, which the
/// operating system drops when the process dies, however it dies. Opening the repository first tries
/// to take that lock exclusively: only a process that gets it knows that no other wiki process is
/// writing, and only then are lock files swept (see <see cref="StaleLockFiles"/>).
/// </summary>
internal sealed class RepositoryPresence : IDisposable
{
    /// <summary>The file whose lock marks live wiki processes.</summary>
    public const string FileName = "teamwiki.instance";

    private readonly FileStream _shared;

    private RepositoryPresence(FileStream shared) => _shared = shared;

    /// <summary>Registers this process, sweeping stale lock files first when it is the only one.</summary>
    public static RepositoryPresence Enter(string gitDirectory, TimeSpan staleAfter, ILogger logger)
    {
        var path = Path.Combine(gitDirectory, FileName);
        if (TryOpen(path, FileShare.None) is { } alone)
        {
            using (alone)
            {
                StaleLockFiles.Remove(gitDirectory, staleAfter, logger);
            }
        }
        else
        {
            logger.LogInformation("Another TeamWiki process is using {Path}; its lock files are left alone", gitDirectory);
        }

        // Between dropping the exclusive lock and taking the shared one, a process starting at the same
        // moment may hold it exclusively while it sweeps: wait for it, as long as a sweep may take.
        var deadline = DateTime.UtcNow + staleAfter * 3 + TimeSpan.FromSeconds(10);
        while (true)
        {
            if (TryOpen(path, FileShare.ReadWrite) is { } shared)
            {
                return new RepositoryPresence(shared);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new IOException($"'{path}' stayed locked by another process");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>
    /// Opens the marker with a shared (<see cref="FileShare.ReadWrite"/>) or exclusive
    /// (<see cref="FileShare.None"/>) lock; null when another process holds a lock that conflicts.
    /// </summary>
    private static FileStream? TryOpen(string path, FileShare share)
    {
        try
        {
            // Read access: .NET takes a shared flock only for files opened without write access on some file systems.
            return new FileStream(path, FileMode.OpenOrCreate, share == FileShare.None ? FileAccess.ReadWrite : FileAccess.Read, share);
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }

    public void Dispose() => _shared.Dispose();
}
