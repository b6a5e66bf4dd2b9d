using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using TeamWiki.Storage.Changes;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Activity;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Items;
using TeamWiki.Web.Notifications;

namespace TeamWiki.Web.Tests.Activity;

/// <summary>
/// The content lines of the activity feed as the wiki showed them before they came from the history
/// index, kept as the reference the index is compared with: the activity recorder turned every commit of
/// the change feed into rows (a move as the old item deleted and the new one created, the author mapped
/// to an account by e-mail), and the feed filtered those rows by the reader's spaces, kind and author,
/// newest first by date, then by row. Recorded here in one go, as the recorder's first run did.
/// </summary>
internal sealed class OldActivityPath
{
    private sealed record Row(long Id, string Kind, string ItemId, string SpaceKey, string Action, string? UserId, string AuthorName, string Title, string Message, DateTimeOffset At);

    private readonly List<Row> _rows;
    private readonly IReadOnlyDictionary<string, Person> _byId;
    private readonly SpaceAccess _access;

    private OldActivityPath(List<Row> rows, IReadOnlyDictionary<string, Person> byId, SpaceAccess access)
    {
        _rows = rows;
        _byId = byId;
        _access = access;
    }

    public static async Task<OldActivityPath> RecordAsync(IServiceProvider services)
    {
        var feed = services.GetRequiredService<IChangeFeed>();
        var snapshot = services.GetRequiredService<IContentCatalog>().Current;
        var people = services.GetRequiredService<PeopleDirectory>();
        var rows = new List<Row>();
        foreach (var commit in feed.After(null, int.MaxValue))
        {
            var user = await people.ByEmailAsync(commit.AuthorEmail);
            foreach (var change in commit.Changes.Take(2000))
            {
                if (change.Kind == ChangeKind.Moved)
                {
                    Add(change.PathBefore!, "deleted");
                    Add(change.PathAfter!, "created");
                    continue;
                }

                Add(change.Path, change.Kind switch { ChangeKind.Added => "created", ChangeKind.Deleted => "deleted", _ => "edited" });
            }

            void Add(string path, string action)
            {
                if (ContentPaths.Classify(path) is not { Kind: ItemKind.Page or ItemKind.Task or ItemKind.Document } item)
                {
                    return;
                }

                rows.Add(new Row(rows.Count + 1, item.Kind.Name(), item.Id, ContentPaths.SpaceOf(path)!, action, user?.Id,
                    Notifier.Cut(commit.Author, 200), Notifier.Cut(Title(item, path, snapshot), 300), Notifier.Cut(commit.Subject, 300), commit.When));
            }
        }

        return new OldActivityPath(rows, await people.ByIdsAsync(), services.GetRequiredService<SpaceAccess>());
    }

    /// <summary>The content lines of a page of the feed, as the old feed chose, ordered and worded them, and whether more follow.</summary>
    public (List<FeedItem> Items, bool HasMore) Page(ClaimsPrincipal viewer, string? space, string? kind, int page, int size, string? actorId)
    {
        var spaces = space is null ? _access.VisibleSpaces(viewer)?.ToList() : _access.CanRead(viewer, space) ? [space] : [];
        bool CanRead(string s) => _access.CanRead(viewer, s);
        var rows = _rows.Where(e => spaces is null || spaces.Contains(e.SpaceKey))
            .Where(e => kind is null || e.Kind == kind)
            .Where(e => actorId is null || e.UserId == actorId)
            .OrderByDescending(e => e.At.UtcTicks).ThenByDescending(e => e.Id)
            .ToList();
        return (rows.Skip((page - 1) * size).Take(size)
            .Select(e => new FeedItem(e.Kind, e.Action, e.Title, e.Action == "deleted" ? null : ItemLinks.For(e.Kind, e.ItemId), e.SpaceKey,
                e.UserId is not null && _byId.TryGetValue(e.UserId, out var p) ? p.Name : e.AuthorName,
                e.UserId is not null && _byId.TryGetValue(e.UserId, out var h) ? h.Handle : null, e.At, MoveMessages.ForReader(e.Message, CanRead)))
            .ToList(), rows.Count > page * size);
    }

    /// <summary>The recorder's title of an item (its kind, id and title as the catalog had them when recorded).</summary>
    private static string Title(ItemRef item, string path, ContentSnapshot snapshot)
    {
        switch (item.Kind)
        {
            case ItemKind.Page:
                var summary = snapshot.Find(PagePath.Parse(item.Id));
                return summary?.Title ?? PageTitles.FromSlug(item.Id[(item.Id.LastIndexOf('/') + 1)..]);
            case ItemKind.Task:
                var found = snapshot.FindTask(item.Id);
                return found is null ? item.Id : $"{item.Id} {found.Title}";
            default:
                return path[(path.LastIndexOf('/') + 1)..];
        }
    }
}
