using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Notifications;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Auth;
using TeamWiki.Web.People;

namespace TeamWiki.Web.Notifications;

/// <summary>
/// One person's notifications: reading and marking them read, in the bell, on the page, through the API
/// and in the e-mail digest. A notification was addressed when its recipient could read its space; it
/// is shown only while they still can (asked of <see cref="SpaceAccess"/> each time), so taking someone
/// off a space also takes its titles and excerpts out of their inbox and their next digest.
/// </summary>
public sealed class Inbox
{
    private readonly IDbContextFactory<TeamWikiDbContext> contexts;
    private readonly NotificationHub hub;
    private readonly PeopleDirectory people;
    private readonly SpaceAccess access;

    // The bell in every signed-in page's header: the unread count and the latest few, kept per person
    // until the hub says that person's notifications changed (everything that writes them tells it), and
    // only for the set of spaces they could read when it was read.
    private readonly Hosting.ReadThroughCache<(int Unread, IReadOnlyList<Notification> Latest, string Scope)> _bells = new(TimeSpan.FromSeconds(30));

    /// <summary>Creates the inbox; it forgets a person's bell whenever the hub reports a change for them.</summary>
    public Inbox(IDbContextFactory<TeamWikiDbContext> contexts, NotificationHub hub, PeopleDirectory people, SpaceAccess access)
    {
        this.contexts = contexts;
        this.hub = hub;
        this.people = people;
        this.access = access;
        hub.Invalidated += _bells.Invalidate;
    }

    /// <summary>The unread count and the latest <paramref name="max"/> (at most 20) notifications, newest first, for the header's bell.</summary>
    public async Task<(int Unread, IReadOnlyList<Notification> Latest)> BellAsync(string userId, int max = 10)
    {
        var scope = await ScopeAsync(userId);
        var bell = await _bells.GetAsync(userId, async () => (await UnreadCountAsync(userId), await LatestAsync(userId, 20), scope));
        if (bell.Scope != scope)
        {
            // Their spaces changed since: what was kept may show a space they can no longer read.
            _bells.Invalidate(userId);
            bell = await _bells.GetAsync(userId, async () => (await UnreadCountAsync(userId), await LatestAsync(userId, 20), scope));
        }

        return (bell.Unread, bell.Latest.Take(Math.Clamp(max, 1, 20)).ToList());
    }

    /// <summary>Number of unread notifications.</summary>
    public async Task<int> UnreadCountAsync(string userId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await (await VisibleAsync(db, userId)).CountAsync(n => n.ReadAt == null);
    }

    /// <summary>The latest notifications, newest first.</summary>
    public async Task<IReadOnlyList<Notification>> LatestAsync(string userId, int max = 20, bool unreadOnly = false, int skip = 0)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await (await VisibleAsync(db, userId)).AsNoTracking().Where(n => !unreadOnly || n.ReadAt == null)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip(skip).Take(Math.Clamp(max, 1, 200)).ToListAsync();
    }

    /// <summary>Marks one notification read; returns it, or null when it is not this person's (or no longer theirs to see).</summary>
    public async Task<Notification?> MarkReadAsync(string userId, long id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var n = await (await VisibleAsync(db, userId)).FirstOrDefaultAsync(x => x.Id == id);
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
        var count = await (await VisibleAsync(db, userId)).Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now));
        hub.Changed([userId]);
        return count;
    }

    /// <summary>
    /// The notifications of <paramref name="userId"/> they may see now (tracked, in <paramref name="db"/>):
    /// those of spaces they may read, and of the team stream unless they are a guest. The same rule
    /// <see cref="Notifier.MaySee"/> applies when addressing them.
    /// </summary>
    public async Task<IQueryable<Notification>> VisibleAsync(TeamWikiDbContext db, string userId)
    {
        var mine = db.Notifications.Where(n => n.UserId == userId);
        if ((await people.ByIdsAsync()).GetValueOrDefault(userId) is not { } person)
        {
            return mine.Where(n => false);
        }

        var team = !person.IsGuest;
        if (access.VisibleSpaces(PeopleDirectory.PrincipalOf(person)) is not { } spaces)
        {
            return team ? mine : mine.Where(n => n.SpaceKey != null);
        }

        var keys = spaces.ToList();
        return mine.Where(n => n.SpaceKey == null ? team : keys.Contains(n.SpaceKey));
    }

    /// <summary>Which spaces <paramref name="userId"/> may read now, as a key: a kept bell is good only for the same.</summary>
    private async Task<string> ScopeAsync(string userId) =>
        (await people.ByIdsAsync()).GetValueOrDefault(userId) is { } person
            ? access.Readable(PeopleDirectory.PrincipalOf(person)).CacheKey
            : "";
}
