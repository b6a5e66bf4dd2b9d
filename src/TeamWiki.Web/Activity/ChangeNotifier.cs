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
using TeamWiki.Web.Items;
using TeamWiki.Web.Markup;
using TeamWiki.Web.Notifications;

namespace TeamWiki.Web.Activity;

/// <summary>
/// Sends what follows from commits as they arrive, own saves and outside pushes alike: "changed" to
/// watchers, "assigned" to a task's new assignee, "mention" to people newly @mentioned in a page or task.
/// It follows the change feed from the position it keeps in the database (<see cref="RecordedHead"/>); a
/// first start, or a history rewritten outside the wiki, begins at the tip, so the past is never
/// announced, and commits older than a day never notify either. What the activity feeds show is read
/// from the history index (<see cref="ContentActivity"/>), not recorded here.
/// </summary>
public sealed class ChangeNotifier(
    IChangeFeed feed,
    IContentFiles repository,
    IContentCatalog catalog,
    IDbContextFactory<TeamWikiDbContext> contexts,
    PeopleDirectory people,
    MarkdownRenderer renderer,
    Notifier notifier,
    Watches watches,
    ILogger<ChangeNotifier> logger) : Hosting.ChangeFollower(feed, logger)
{
    private sealed record Change(ItemRef Item, string Space, string? UserId, string AuthorName, string Title, string Message, string? NewBlob, string? OldBlob);

    /// <inheritdoc />
    protected override string Work => "Notifying about changes";

    /// <summary>Notifications may follow a commit a moment later; saves in a burst are then handled together.</summary>
    protected override TimeSpan Debounce => TimeSpan.FromMilliseconds(300);

    /// <inheritdoc />
    protected override async Task<string?> PositionAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await db.RecordedHeads.AsNoTracking().FirstOrDefaultAsync(h => h.Id == 1, ct))?.Commit;
    }

    /// <summary>Nothing before the tip is announced: start there.</summary>
    protected override async Task<string?> StartOverAsync(string head, CancellationToken ct)
    {
        await StoreAsync(head, ct);
        return head;
    }

    /// <inheritdoc />
    protected override async Task HandleAsync(IReadOnlyList<CommitChanges> commits, string position, bool first, CancellationToken ct)
    {
        var changes = new List<Change>();
        foreach (var commit in commits.Where(c => !first && c.When > DateTimeOffset.UtcNow.AddDays(-1)))
        {
            changes.AddRange(await ChangesOfAsync(commit));
        }

        // The position first: a notification is sent at most once, even when sending fails halfway.
        await StoreAsync(position, ct);
        foreach (var change in changes)
        {
            await NotifyAsync(change, ct);
        }
    }

    private async Task StoreAsync(string position, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var recorded = await db.RecordedHeads.FindAsync([1], ct) ?? db.RecordedHeads.Add(new RecordedHead()).Entity;
        recorded.Commit = position;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What a commit created or edited; a deletion (and the old side of a move) tells nobody anything.</summary>
    private async Task<List<Change>> ChangesOfAsync(CommitChanges commit)
    {
        var snapshot = catalog.Current;
        var user = await people.ByEmailAsync(commit.AuthorEmail);
        return commit.Changes.Take(2000)
            .Where(c => c.Kind != ChangeKind.Deleted && c.Item.Kind is ItemKind.Page or ItemKind.Task or ItemKind.Document)
            .Select(c => new Change(c.Item, c.Space, user?.Id, Notifier.Cut(commit.Author, 200), Notifier.Cut(ContentActivity.TitleOf(c.Item, c.Path, snapshot), 300),
                Notifier.Cut(commit.Subject, 300), c.BlobAfter, c.Kind == ChangeKind.Moved ? null : c.BlobBefore))
            .ToList();
    }

    private async Task NotifyAsync(Change e, CancellationToken ct)
    {
        var url = ItemLinks.For(e.Item);
        var all = await people.AllAsync(ct);
        var groups = new List<(IEnumerable<string>, NotificationDraft)>();
        NotificationDraft Draft(string kind, string excerpt) => new(kind, e.UserId, e.AuthorName, e.Title, excerpt, url, e.Space);
        var newText = e.Item.Kind == ItemKind.Document || e.NewBlob is null ? null : Text(e.NewBlob);
        var oldText = newText is null || e.OldBlob is null ? null : Text(e.OldBlob);
        // One text for every recipient, who may read this space and maybe no other: a move names only paths in this space.
        var message = Auth.MoveMessages.ForReader(e.Message, s => s == e.Space);
        if (newText is not null && newText.Contains('@'))
        {
            var before = oldText is null ? [] : renderer.Mentions(oldText).ToHashSet();
            var added = renderer.Mentions(newText).Where(h => !before.Contains(h)).ToHashSet();
            groups.Add((all.Where(p => added.Contains(p.Handle)).Select(p => p.Id), Draft(NotificationKinds.Mention, message)));
        }

        if (e.Item.Kind == ItemKind.Task && newText is not null)
        {
            var space = catalog.Current.FindSpace(e.Space);
            var now = TaskFile.Parse(e.Space, e.Item.Id, newText, space?.FirstStatus ?? "todo");
            var was = oldText is null ? null : TaskFile.Parse(e.Space, e.Item.Id, oldText, space?.FirstStatus ?? "todo");
            if (now.Assignee is { } assignee && assignee != was?.Assignee)
            {
                groups.Add((all.Where(p => p.Handle == assignee).Select(p => p.Id), Draft(NotificationKinds.Assigned, now.Title)));
            }
        }

        groups.Add((await watches.WatchersOfAsync(Watches.Target(e.Item), Watches.Target(ItemRef.Space(e.Space))), Draft(NotificationKinds.Changed, message)));
        await notifier.SendAsync(groups, ct);
    }

    private string? Text(string blobId)
    {
        var bytes = repository.ReadBlob(blobId);
        return bytes is null || bytes.Length > 2 * 1024 * 1024 ? null : Encoding.UTF8.GetString(bytes);
    }
}
