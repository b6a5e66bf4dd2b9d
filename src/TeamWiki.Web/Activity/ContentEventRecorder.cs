using System.Text;
using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Activity;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Documents;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Notifications;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tasks;
using TeamWiki.Web.Components.Shared;
using TeamWiki.Web.Indexing;
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
    IContentRepository repository,
    IContentCatalog catalog,
    IDbContextFactory<TeamWikiDbContext> contexts,
    PeopleDirectory people,
    MarkdownRenderer renderer,
    Notifier notifier,
    Watches watches,
    ILogger<ContentEventRecorder> logger) : Hosting.CommitFollower(repository, logger)
{
    private const int Batch = 500;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <inheritdoc />
    protected override string Work => "Recording activity";

    /// <summary>Notifications may follow a commit a moment later; saves in a burst are then recorded together.</summary>
    protected override TimeSpan Debounce => TimeSpan.FromMilliseconds(300);

    /// <inheritdoc />
    protected override Task FollowAsync(CancellationToken ct) => CatchUpAsync(ct);

    /// <summary>Records every commit up to the tip of the branch.</summary>
    public async Task CatchUpAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var head = Repository.Head;
            if (head is null)
            {
                return;
            }

            await using var db = await contexts.CreateDbContextAsync(ct);
            var recorded = await db.RecordedHeads.FindAsync([1], ct);
            if (recorded?.Commit == head)
            {
                return;
            }

            var from = recorded is not null && Repository.FindCommit(recorded.Commit) is not null ? recorded.Commit : null;
            var backfill = recorded is null;
            var commits = Repository.CommitsBetween(from, head, int.MaxValue);
            if (backfill && commits.Count > Batch)
            {
                logger.LogInformation("Recording the activity of {Count} commits", commits.Count);
            }

            foreach (var chunk in commits.Chunk(Batch))
            {
                var events = new List<ContentEvent>();
                var notify = new List<(ContentEvent Event, GitChange Change, string? OldBlob)>();
                foreach (var commit in chunk)
                {
                    foreach (var (e, change, oldBlob) in await EventsOfAsync(commit))
                    {
                        events.Add(e);
                        if (!backfill && commit.When > DateTimeOffset.UtcNow.AddDays(-1))
                        {
                            notify.Add((e, change, oldBlob));
                        }
                    }
                }

                var known = await KnownAsync(db, chunk.Select(c => c.Id).ToList(), ct);
                db.ContentEvents.AddRange(events.Where(e => !known.Contains((e.Commit, e.Kind, e.ItemId))));
                recorded ??= db.RecordedHeads.Add(new RecordedHead()).Entity;
                recorded.Commit = chunk[^1].Id;
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                recorded = await db.RecordedHeads.FindAsync([1], ct);
                foreach (var (e, change, oldBlob) in notify)
                {
                    await NotifyAsync(e, change, oldBlob, ct);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<HashSet<(string, string, string)>> KnownAsync(TeamWikiDbContext db, List<string> commits, CancellationToken ct) =>
        (await db.ContentEvents.Where(e => commits.Contains(e.Commit)).Select(e => new { e.Commit, e.Kind, e.ItemId }).ToListAsync(ct))
        .Select(e => (e.Commit, e.Kind, e.ItemId)).ToHashSet();

    private async Task<List<(ContentEvent, GitChange, string?)>> EventsOfAsync(GitCommitInfo commit)
    {
        var list = new List<(ContentEvent, GitChange, string?)>();
        IReadOnlyList<GitChange> changes;
        try
        {
            changes = Repository.Changes(commit.ParentId, commit.Id);
        }
        catch (RevisionNotFoundException)
        {
            return list;
        }

        var snapshot = catalog.Current;
        var user = await people.ByEmailAsync(commit.AuthorEmail);
        foreach (var change in changes.Take(2000))
        {
            if (ContentActivity.Describe(change.Path, snapshot) is not { Item.Kind: ItemKind.Page or ItemKind.Task or ItemKind.Document } what)
            {
                continue;
            }

            var oldBlob = commit.ParentId is null ? null : Repository.BlobIdOf(change.Path, commit.ParentId);
            var action = change.BlobId is null ? "deleted" : oldBlob is null ? "created" : "edited";
            var space = change.Path[..change.Path.IndexOf('/')];
            var tags = what.Item.Kind == ItemKind.Page && PagePath.FromFilePath(change.Path) is { } p && snapshot.Find(p) is { } summary ? summary.Tags : [];
            list.Add((new ContentEvent
            {
                Commit = commit.Id,
                Kind = what.Item.Kind.Name(),
                ItemId = what.Item.Id,
                SpaceKey = space,
                Action = action,
                UserId = user?.Id,
                AuthorName = Notifier.Cut(commit.AuthorName, 200),
                AuthorEmail = Notifier.Cut(commit.AuthorEmail, 200),
                Title = Notifier.Cut(what.Title, 300),
                Tags = Notifier.Cut(string.Join(' ', tags), 500),
                Message = Notifier.Cut(commit.Subject, 300),
                At = commit.When,
            }, change, oldBlob));
        }

        return list;
    }

    private async Task NotifyAsync(ContentEvent e, GitChange change, string? oldBlob, CancellationToken ct)
    {
        if (e.Action == "deleted")
        {
            return;
        }

        var url = ItemLinks.For(e.Kind, e.ItemId);
        var all = await people.AllAsync(ct);
        var groups = new List<(IEnumerable<string>, NotificationDraft)>();
        NotificationDraft Draft(string kind, string excerpt) => new(kind, e.UserId, e.AuthorName, e.Title, excerpt, url, e.SpaceKey);
        var newText = e.Kind == PageDocuments.DocumentKind || change.BlobId is null ? null : Text(change.BlobId);
        var oldText = newText is null || oldBlob is null ? null : Text(oldBlob);
        if (newText is not null && newText.Contains('@'))
        {
            var before = oldText is null ? [] : renderer.Mentions(oldText).ToHashSet();
            var added = renderer.Mentions(newText).Where(h => !before.Contains(h)).ToHashSet();
            groups.Add((all.Where(p => added.Contains(p.Handle)).Select(p => p.Id), Draft(NotificationKinds.Mention, Auth.MoveMessages.ForReader(e.Message, s => s == e.SpaceKey))));
        }

        if (e.Kind == PageDocuments.TaskKind && newText is not null)
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
        var bytes = Repository.ReadBlob(blobId);
        return bytes is null || bytes.Length > 2 * 1024 * 1024 ? null : Encoding.UTF8.GetString(bytes);
    }
}
