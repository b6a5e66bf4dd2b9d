using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Notifications;

namespace TeamWiki.Web.Notifications;

/// <summary>One person's notifications: reading and marking them read.</summary>
public sealed class Inbox
{
    private readonly IDbContextFactory<TeamWikiDbContext> contexts;
    private readonly NotificationHub hub;

    // The bell in every signed-in page's header: the unread count and the latest few, kept per person
    // until the hub says that person's notifications changed (everything that writes them tells it).
    private readonly Hosting.ReadThroughCache<(int Unread, IReadOnlyList<Notification> Latest)> _bells = new(TimeSpan.FromSeconds(30));

    /// <summary>Creates the inbox; it forgets a person's bell whenever the hub reports a change for them.</summary>
    public Inbox(IDbContextFactory<TeamWikiDbContext> contexts, NotificationHub hub)
    {
        this.contexts = contexts;
        this.hub = hub;
        hub.Invalidated += _bells.Invalidate;
    }

    /// <summary>The unread count and the latest <paramref name="max"/> (at most 20) notifications, newest first, for the header's bell.</summary>
    public async Task<(int Unread, IReadOnlyList<Notification> Latest)> BellAsync(string userId, int max = 10)
    {
        var bell = await _bells.GetAsync(userId, async () => (await UnreadCountAsync(userId), await LatestAsync(userId, 20)));
        return (bell.Unread, bell.Latest.Take(Math.Clamp(max, 1, 20)).ToList());
    }

    /// <summary>Number of unread notifications.</summary>
    public async Task<int> UnreadCountAsync(string userId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null);
    }

    /// <summary>The latest notifications, newest first.</summary>
    public async Task<IReadOnlyList<Notification>> LatestAsync(string userId, int max = 20, bool unreadOnly = false, int skip = 0)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Notifications.AsNoTracking().Where(n => n.UserId == userId && (!unreadOnly || n.ReadAt == null))
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip(skip).Take(Math.Clamp(max, 1, 200)).ToListAsync();
    }

    /// <summary>Marks one notification read; returns it, or null when it is not this person's.</summary>
    public async Task<Notification?> MarkReadAsync(string userId, long id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var n = await db.Notifications.FirstOrDefaultAsync(x => x.Id == id && x.UserId == userId);
        if (n is null)
        {
            return null;
        }

        if (n.ReadAt is null)
        {
            n.ReadAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
            hub.Changed([userId]);
        }

        return n;
    }

    /// <summary>Marks all read.</summary>
    public async Task<int> MarkAllReadAsync(string userId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        var count = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now));
        hub.Changed([userId]);
        return count;
    }
}
