using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Notifications;

namespace TeamWiki.Web.Notifications;

/// <summary>Who watches what: <c>page:{path}</c>, <c>task:{KEY}</c>, <c>document:{id}</c>, <c>space:{key}</c>, <c>post:{id}</c>.</summary>
public sealed class Watches(IDbContextFactory<TeamWikiDbContext> contexts)
{
    // What each person watches, read once and kept: every page view asks whether the reader watches it.
    private readonly Hosting.ReadThroughCache<IReadOnlySet<string>> _byUser = new(TimeSpan.FromSeconds(30));

    /// <summary>True when <paramref name="userId"/> watches <paramref name="target"/>.</summary>
    public async Task<bool> IsWatchingAsync(string? userId, string target)
    {
        if (userId is null)
        {
            return false;
        }

        var watched = await _byUser.GetAsync(userId, async () =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            return (await db.Watches.Where(w => w.UserId == userId).Select(w => w.Target).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        });
        return watched.Contains(target);
    }

    /// <summary>Starts or stops watching. Idempotent, also when the same request arrives twice at once (a double click).</summary>
    public async Task SetAsync(string userId, string target, bool watch)
    {
        try
        {
            await WriteAsync(userId, target, watch);
        }
        finally
        {
            _byUser.Invalidate(userId);
        }
    }

    private async Task WriteAsync(string userId, string target, bool watch)
    {
        await using var db = await contexts.CreateDbContextAsync();
        if (!watch)
        {
            // A set-based delete: when a parallel request removed the row first, this deletes nothing
            // instead of failing the way a tracked Remove would (it expects exactly one row).
            await db.Watches.Where(w => w.UserId == userId && w.Target == target).ExecuteDeleteAsync();
            return;
        }

        if (!await db.Watches.AnyAsync(w => w.UserId == userId && w.Target == target))
        {
            db.Watches.Add(new Watch { UserId = userId, Target = target, CreatedAt = DateTimeOffset.UtcNow });
            // False when a parallel request inserted the same watch first: then it is watched, as asked.
            await db.SaveUnlessDuplicateAsync();
        }
    }

    /// <summary>The people watching any of <paramref name="targets"/>.</summary>
    public async Task<IReadOnlyList<string>> WatchersOfAsync(params string[] targets)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Watches.Where(w => targets.Contains(w.Target)).Select(w => w.UserId).Distinct().ToListAsync();
    }

    /// <summary>The watch target of a page, task, document or space (its stored <c>kind:id</c> form).</summary>
    public static string Target(ItemRef item) => item.ToString();

    /// <summary>The watch target of a post (posts live in the database, not in git).</summary>
    public static string PostTarget(long id) => PostPrefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The post id of a post's watch target (<c>post:{id}</c>, prefix case-insensitive), or null.</summary>
    public static long? ParsePostTarget(string? target) =>
        target is not null && target.StartsWith(PostPrefix, StringComparison.OrdinalIgnoreCase) && long.TryParse(target[PostPrefix.Length..], out var id) ? id : null;

    private const string PostPrefix = "post:";
}
