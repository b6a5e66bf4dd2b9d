using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Notifications;

namespace TeamWiki.Web.Notifications;

/// <summary>One person's notifications: reading and marking them read.</summary>
public sealed class Inbox(IDbContextFactory<TeamWikiDbContext> contexts, NotificationHub hub)
{
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
