using System.Collections.Concurrent;

namespace TeamWiki.Storage.People;

/// <summary>
/// The accounts of recently used API tokens, so that a request with a token needs no database query
/// (finding the token and its account was the largest step of an API save outside git). Revocation
/// stays immediate: every change to accounts, their roles and claims or to tokens saved through this
/// process's database contexts starts a new <see cref="Generation"/> once it is saved (and again once
/// its transaction commits), and an entry counts only in the generation that read it. An entry is
/// read again after <see cref="MaxAge"/>, for changes written by another process on the same database.
/// Unknown secrets are never kept.
/// </summary>
public sealed class ApiTokenCache(TimeProvider clock)
{
    /// <summary>How long an entry is used at most, for changes this process did not make.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>Changes with every saved change to accounts or tokens; read it before reading the database.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Forgets every entry read before now (an account or token changed).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    /// <summary>The account of the token with <paramref name="hash"/> when known in the current generation and young enough.</summary>
    internal Entry? Find(string hash)
    {
        if (_entries.TryGetValue(hash, out var entry) && entry.Generation == Generation && clock.GetUtcNow() - entry.ReadAt < MaxAge)
        {
            return entry;
        }

        return null;
    }

    /// <summary>Keeps what was read from the database in <paramref name="generation"/> (ignored when that has passed).</summary>
    internal void Keep(string hash, long generation, WikiUser user, DateTimeOffset? lastUsedAt)
    {
        if (generation == Generation)
        {
            _entries[hash] = new Entry(generation, clock.GetUtcNow(), user, lastUsedAt);
        }
    }

    /// <summary>A token's active account as read from the database.</summary>
    internal sealed record Entry(long Generation, DateTimeOffset ReadAt, WikiUser User, DateTimeOffset? LastUsedAt);
}
