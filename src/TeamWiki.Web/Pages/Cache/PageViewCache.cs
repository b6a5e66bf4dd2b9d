using Microsoft.Extensions.Caching.Memory;

namespace TeamWiki.Web.Pages.Cache;

/// <summary>
/// The rendered page views kept in memory, by <see cref="PageViewKey"/>, within a byte budget: the least
/// recently used go first when it is full. An entry also ends when its relative times would change
/// (<see cref="TextExpiry"/>) and at the latest after <see cref="MaxAge"/>, the bound on how long what the
/// key leaves out (a person's display name beside their comment) can look stale.
/// </summary>
public sealed class PageViewCache(long budgetBytes) : IDisposable
{
    /// <summary>The longest an entry is kept.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, budgetBytes), CompactionPercentage = 0.25, TrackStatistics = true });

    /// <summary>False when the budget is zero: nothing is kept, pages are rendered every time.</summary>
    public bool Enabled => budgetBytes > 0;

    /// <summary>The page kept under <paramref name="key"/>, or null.</summary>
    public PageTemplate? Get(string key) => _entries.TryGetValue(key, out PageTemplate? page) ? page : null;

    /// <summary>Keeps <paramref name="page"/> until <paramref name="until"/> at the latest (nothing if that has passed).</summary>
    public void Set(string key, PageTemplate page, DateTimeOffset? until)
    {
        var latest = DateTimeOffset.UtcNow + MaxAge;
        var expires = until is { } u && u < latest ? u : latest;
        if (expires <= DateTimeOffset.UtcNow)
        {
            return;
        }

        // The key (path, spaces, permissions) is counted too: a reader of many spaces has a long one.
        _entries.Set(key, page, new MemoryCacheEntryOptions { AbsoluteExpiration = expires, Size = page.Bytes + key.Length * 2L });
    }

    /// <summary>About how many bytes the kept pages take (what the budget counts).</summary>
    public long Bytes => _entries.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>How many pages are kept.</summary>
    public long Count => _entries.Count;

    /// <inheritdoc />
    public void Dispose() => _entries.Dispose();
}
