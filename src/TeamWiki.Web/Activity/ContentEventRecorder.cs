using System.Text;
using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Activity;
using TeamWiki.Storage.Changes;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Notifications;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tasks;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Components.Shared;
using TeamWiki.Web.Items;
using TeamWiki.Web.Markup;
using TeamWiki.Web.Notifications;
using TeamWiki.Web.People;

namespace TeamWiki.Web.Activity;

/// <summary>
/// Turns commits into <see cref="ContentEvent"/>s (one per page, task or document changed) as they arrive,
/// own saves and outside pushes alike, and sends what follows from them: "changed" to watchers, "assigned"
/// to a task's new assignee, "mention" to people newly @mentioned in a page or task. The first run records
/// the whole history without notifying anyone; commits older than a day never notify either.
/// </summary>
public sealed class ContentEventRecorder(
    IChangeFeed feed,
    IContentFiles repository,
    IContentCatalog catalog,
    IDbContextFactory<TeamWikiDbContext> contexts,
    PeopleDirectory people,
    MarkdownRenderer renderer,
    Notifier notifier,
    Watches watches,
    ILogger<ContentEventRecorder> logger) : Hosting.ChangeFollower(feed, logger)
{
    /// <inheritdoc />
    protected override string Work => "Recording activity";

    /// <summary>Notifications may follow a commit a moment later; saves in a burst are then recorded together.</summary>
    protected override TimeSpan Debounce => TimeSpan.FromMilliseconds(300);

    /// <inheritdoc />
    protected override async Task<string?> PositionAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await db.RecordedHeads.AsNoTracking().FirstOrDefaultAsync(h => h.Id == 1, ct))?.Commit;
    }

    /// <inheritdoc />
    protected override async Task HandleAsync(IReadOnlyList<CommitChanges> commits, string position, bool first, CancellationToken ct)
    {
        if (first && commits.Count > 1)
        {
            logger.LogInformation("Recording the activity of {Count} commits up to {Commit}", commits.Count, position[..7]);
        }

        var events = new List<ContentEvent>();
        var notify = new List<(ContentEvent Event, string? NewBlob, string? OldBlob)>();
        foreach (var commit in commits)
        {
            foreach (var (e, newBlob, oldBlob) in await EventsOfAsync(commit))
            {
                events.Add(e);
                if (!first && commit.When > DateTimeOffset.UtcNow.AddDays(-1))
                {
                    notify.Add((e, newBlob, oldBlob));
                }
            }
        }

        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            // Rows of these commits may exist already when a run stopped between storing them and the
            // position (an older version stored them in another order): never twice.
            var known = await KnownAsync(db, commits.Select(c => c.Commit).ToList(), ct);
            db.ContentEvents.AddRange(events.Where(e => !known.Contains((e.Commit, e.Kind, e.ItemId))));
            var recorded = await db.RecordedHeads.FindAsync([1], ct) ?? db.RecordedHeads.Add(new RecordedHead()).Entity;
            recorded.Commit = position;
            await db.SaveChangesAsync(ct);
        }

        foreach (var (e, newBlob, oldBlob) in notify)
        {
            await NotifyAsync(e, newBlob, oldBlob, ct);
        }
    }

    private static async Task<HashSet<(string, string, string)>> KnownAsync(TeamWikiDbContext db, List<string> commits, CancellationToken ct) =>
        (await db.ContentEvents.Where(e => commits.Contains(e.Commit)).Select(e => new { e.Commit, e.Kind, e.ItemId }).ToListAsync(ct))
        .Select(e => (e.Commit, e.Kind, e.ItemId)).ToHashSet();

    private async Task<List<(ContentEvent, string?, string?)>> EventsOfAsync(CommitChanges commit)
    {
        var list = new List<(ContentEvent, string?, string?)>();
        var snapshot = catalog.Current;
        var user = await people.ByEmailAsync(commit.AuthorEmail);
        foreach (var change in commit.Changes.Take(2000))
        {
            // A move reads, in the activity, as the old item gone and the new one created.
            if (change.Kind == ChangeKind.Moved)
            {
                Add(change.PathBefore!, "deleted", null, null);
                Add(change.PathAfter!, "created", change.BlobAfter, null);
                continue;
            }

            var action = change.Kind switch { ChangeKind.Added => "created", ChangeKind.Deleted => "deleted", _ => "edited" };
            Add(change.Path, action, change.BlobAfter, change.BlobBefore);
        }

        return list;

        void Add(string path, string action, string? newBlob, string? oldBlob)
        {
            if (ContentActivity.Describe(path, snapshot) is not { Item.Kind: ItemKind.Page or ItemKind.Task or ItemKind.Document } what)
            {
                return;
            }

            var tags = what.Item.Kind == ItemKind.Page && PagePath.FromFilePath(path) is { } p && snapshot.Find(p) is { } summary ? summary.Tags : [];
            list.Add((new ContentEvent
            {
                Commit = commit.Commit,
                Kind = what.Item.Kind.Name(),
                ItemId = what.Item.Id,
                SpaceKey = ContentPaths.SpaceOf(path)!,
                Action = action,
                UserId = user?.Id,
                AuthorName = Notifier.Cut(commit.Author, 200),
                AuthorEmail = Notifier.Cut(commit.AuthorEmail, 200),
                Title = Notifier.Cut(what.Title, 300),
                Tags = Notifier.Cut(string.Join(' ', tags), 500),
                Message = Notifier.Cut(commit.Subject, 300),
                At = commit.When,
            }, newBlob, oldBlob));
        }
    }

    private async Task NotifyAsync(ContentEvent e, string? newBlob, string? oldBlob, CancellationToken ct)
    {
        if (e.Action == "deleted")
        {
            return;
        }

        var url = ItemLinks.For(e.Kind, e.ItemId);
        var all = await people.AllAsync(ct);
        var groups = new List<(IEnumerable<string>, NotificationDraft)>();
        NotificationDraft Draft(string kind, string excerpt) => new(kind, e.UserId, e.AuthorName, e.Title, excerpt, url, e.SpaceKey);
        var newText = e.Kind == ItemKinds.Document || newBlob is null ? null : Text(newBlob);
        var oldText = newText is null || oldBlob is null ? null : Text(oldBlob);
        if (newText is not null && newText.Contains('@'))
        {
            var before = oldText is null ? [] : renderer.Mentions(oldText).ToHashSet();
            var added = renderer.Mentions(newText).Where(h => !before.Contains(h)).ToHashSet();
            groups.Add((all.Where(p => added.Contains(p.Handle)).Select(p => p.Id), Draft(NotificationKinds.Mention, Auth.MoveMessages.ForReader(e.Message, s => s == e.SpaceKey))));
        }

        if (e.Kind == ItemKinds.Task && newText is not null)
        {
            var space = catalog.Current.FindSpace(e.SpaceKey);
            var now = TaskFile.Parse(e.SpaceKey, e.ItemId, newText, space?.FirstStatus ?? "todo");
            var was = oldText is null ? null : TaskFile.Parse(e.SpaceKey, e.ItemId, oldText, space?.FirstStatus ?? "todo");
            if (now.Assignee is { } assignee && assignee != was?.Assignee)
            {
                groups.Add((all.Where(p => p.Handle == assignee).Select(p => p.Id), Draft(NotificationKinds.Assigned, now.Title)));
            }
        }

        // One text for every recipient, who may read this space and maybe no other: a move names only paths in this space.
        var message = Auth.MoveMessages.ForReader(e.Message, s => s == e.SpaceKey);
        groups.Add((await watches.WatchersOfAsync(Watches.Target(new ItemRef(ItemKinds.FromName(e.Kind)!.Value, e.ItemId)), Watches.Target(ItemRef.Space(e.SpaceKey))), Draft(NotificationKinds.Changed, message)));
        await notifier.SendAsync(groups, ct);
    }

    private string? Text(string blobId)
    {
        var bytes = repository.ReadBlob(blobId);
        return bytes is null || bytes.Length > 2 * 1024 * 1024 ? null : Encoding.UTF8.GetString(bytes);
    }
}
