using System.Collections.Concurrent;

namespace TeamWiki.Web.Hosting;

/// <summary>
/// A per-process cache of a database read that every page view makes (the comments on a page, whether
/// the reader watches it, the reader's unread notifications), so a view does not go to the database for
/// what has not changed. The service that writes the data empties the key after each write; an entry
/// also expires after <c>lifetime</c>, the bound on how stale a change made by anything else (another
/// process on the same database, a cascade) can look. A read that raced with a write is not kept: a
/// generation count, bumped by every invalidation, must be unchanged between starting and storing a load.
/// </summary>
public sealed class ReadThroughCache<TValue>(TimeSpan lifetime, int capacity = 20_000)
{
    private readonly ConcurrentDictionary<string, (TValue Value, long Expires)> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _generation;

    /// <summary>The cached value of <paramref name="key"/>, or what <paramref name="load"/> reads (then kept).</summary>
    public async Task<TValue> GetAsync(string key, Func<Task<TValue>> load)
    {
        var now = Environment.TickCount64;
        if (_entries.TryGetValue(key, out var entry) && entry.Expires > now)
        {
            return entry.Value;
        }

        var generation = Interlocked.Read(ref _generation);
        var value = await load();
        lock (_gate)
        {
            if (_generation == generation)
            {
                if (_entries.Count >= capacity)
                {
                    _entries.Clear();
                }

                _entries[key] = (value, now + (long)lifetime.TotalMilliseconds);
            }
        }

        return value;
    }

    /// <summary>Forgets <paramref name="key"/>; call after the write that changed it is committed.</summary>
    public void Invalidate(string key)
    {
        lock (_gate)
        {
            _generation++;
            _entries.TryRemove(key, out _);
        }
    }
}
