using System.Collections.Concurrent;
using LibGit2Sharp;

namespace TeamWiki.Storage.Git;

/// <summary>
/// LibGit2Sharp <see cref="Repository"/> objects must not be used by two threads at once, and opening
/// one per request costs more than the read it serves, so readers rent one from here.
/// </summary>
internal sealed class RepositoryPool(string gitDirectory, int keep = 16) : IDisposable
{
    private readonly ConcurrentBag<Repository> _idle = [];
    private int _idleCount;
    private bool _disposed;

    public Lease Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryTake(out var repo))
        {
            Interlocked.Decrement(ref _idleCount);
            return new Lease(this, repo);
        }

        return new Lease(this, new Repository(gitDirectory));
    }

    private void Return(Repository repo)
    {
        if (_disposed || Interlocked.Increment(ref _idleCount) > keep)
        {
            if (!_disposed)
            {
                Interlocked.Decrement(ref _idleCount);
            }

            repo.Dispose();
            return;
        }

        _idle.Add(repo);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var repo))
        {
            repo.Dispose();
        }
    }

    /// <summary>A rented repository; dispose to give it back.</summary>
    public readonly struct Lease(RepositoryPool pool, Repository repo) : IDisposable
    {
        public Repository Repo { get; } = repo;

        public void Dispose() => pool.Return(Repo);
    }
}
