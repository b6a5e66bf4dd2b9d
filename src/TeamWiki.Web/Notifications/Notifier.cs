using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Notifications;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Auth;
using TeamWiki.Web.People;

namespace TeamWiki.Web.Notifications;

/// <summary>
/// Addresses and stores notifications. The rules, in one place:
/// <list type="bullet">
/// <item>nobody is notified of their own action;</item>
/// <item>nobody is notified about what they cannot see (guests outside their spaces, private spaces,
/// the team stream for guests), checked with <see cref="SpaceAccess"/> for the recipient;</item>
/// <item>disabled accounts are skipped;</item>
/// <item>one event gives one person one notification: the first reason given wins (a mention beats
/// "you watch this");</item>
/// <item>with a dedupe key, a person gets that notification once, ever (reminders).</item>
/// </list>
/// </summary>
public sealed class Notifier(IDbContextFactory<TeamWikiDbContext> contexts, PeopleDirectory people, SpaceAccess access, NotificationHub hub, ILogger<Notifier> logger)
{
    /// <summary>Longest excerpt kept.</summary>
    public const int ExcerptLength = 200;

    /// <summary>
    /// Sends each group's draft to its recipients; someone in several groups gets only the first group's.
    /// Returns the ids of the people notified.
    /// </summary>
    public async Task<IReadOnlyList<string>> SendAsync(IEnumerable<(IEnumerable<string> Recipients, NotificationDraft Draft)> groups, CancellationToken ct = default)
    {
        var byId = await people.ByIdsAsync();
        var chosen = new Dictionary<string, NotificationDraft>();
        foreach (var (recipients, draft) in groups)
        {
            foreach (var id in recipients)
            {
                if (chosen.ContainsKey(id) || id == draft.ActorId || !byId.TryGetValue(id, out var person) || !person.IsActive || !MaySee(person, draft))
                {
                    continue;
                }

                chosen[id] = draft;
            }
        }

        if (chosen.Count == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var sent = new List<string>();
        foreach (var (userId, draft) in chosen)
        {
            if (draft.DedupeKey is { } key && await db.Notifications.AnyAsync(n => n.UserId == userId && n.DedupeKey == key, ct))
            {
                continue;
            }

            db.Notifications.Add(new Notification
            {
                UserId = userId,
                Kind = draft.Kind,
                ActorId = draft.ActorId,
                ActorName = Cut(draft.ActorName, 100),
                Title = Cut(draft.Title, 300),
                Excerpt = Cut(draft.Excerpt, ExcerptLength),
                Url = Cut(draft.Url, 600),
                SpaceKey = draft.SpaceKey,
                CreatedAt = now,
                DedupeKey = draft.DedupeKey,
            });
            sent.Add(userId);
        }

        await db.SaveChangesAsync(ct);
        logger.LogDebug("Sent {Count} notifications", sent.Count);
        hub.Changed(sent);
        return sent;
    }

    /// <summary>Sends one draft to <paramref name="recipients"/>.</summary>
    public Task<IReadOnlyList<string>> SendAsync(IEnumerable<string> recipients, NotificationDraft draft, CancellationToken ct = default) =>
        SendAsync([(recipients, draft)], ct);

    /// <summary>True when the recipient may see where the notification leads.</summary>
    public bool MaySee(Person person, NotificationDraft draft) =>
        draft.SpaceKey is null ? !person.IsGuest : access.CanRead(PeopleDirectory.PrincipalOf(person), draft.SpaceKey);

    /// <summary>Plain text cut to <paramref name="max"/> characters, with an ellipsis when cut.</summary>
    public static string Cut(string text, int max)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= max ? flat : flat[..(max - 1)].TrimEnd() + "…";
    }
}
