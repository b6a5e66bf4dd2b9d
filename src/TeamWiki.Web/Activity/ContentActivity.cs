using TeamWiki.Storage.Changes;
using TeamWiki.Storage.History;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Components.Shared;
using TeamWiki.Web.Items;

namespace TeamWiki.Web.Activity;

/// <summary>
/// What changed in the wiki's content, from the history index (kept from the change feed): the latest
/// item changes in a space, as lines of the activity feed (<see cref="FeedItem"/>, the one activity model
/// the space page and the activity page share).
/// </summary>
public sealed class ContentActivity(HistoryIndex history, IContentCatalog catalog)
{
    /// <summary>
    /// The latest changes in a space, newest first; one item per thing changed in a commit. Messages
    /// about moves name only paths in spaces <paramref name="canRead"/> allows.
    /// </summary>
    public IReadOnlyList<FeedItem> InSpace(string space, int max, Func<string, bool> canRead)
    {
        var snapshot = catalog.Current;
        var items = new List<FeedItem>();
        foreach (var entry in history.Recent(max, [space]))
        {
            if (Describe(entry.Path, snapshot) is { } what)
            {
                var commit = entry.Commit;
                items.Add(new FeedItem(what.Item.Kind.Name(), ActionOf(entry.Kind), what.Title, what.Url, space, commit.AuthorName, null, commit.When,
                    Auth.MoveMessages.ForReader(commit.Subject, canRead)));
            }
        }

        return items;
    }

    /// <summary>The feed's word for a change: "created", "edited", "deleted" or "moved".</summary>
    public static string ActionOf(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "created",
        ChangeKind.Deleted => "deleted",
        ChangeKind.Moved => "moved",
        _ => "edited",
    };

    /// <summary>Kind, id, title and UI address of a file in the repository, or null for files that are none of these.</summary>
    public static (ItemRef Item, string Title, string? Url)? Describe(string path, ContentSnapshot snapshot)
    {
        if (ContentPaths.Classify(path) is not { } item)
        {
            return null;
        }

        switch (item.Kind)
        {
            case ItemKind.Page:
                var summary = snapshot.Find(PagePath.Parse(item.Id));
                return (item, summary?.Title ?? PageTitles.FromSlug(item.Id[(item.Id.LastIndexOf('/') + 1)..]), summary is null ? null : ItemLinks.For(item));
            case ItemKind.Task:
                var found = snapshot.FindTask(item.Id);
                return (item, found is null ? item.Id : $"{item.Id} {found.Title}", found is null ? null : ItemLinks.For(item));
            case ItemKind.Document:
                var exists = snapshot.DocumentsIn(ContentPaths.SpaceOf(path)!).Any(d => d.Path == path);
                return (item, path[(path.LastIndexOf('/') + 1)..], exists ? ItemLinks.For(item) : null);
            default:
                return (item, snapshot.FindSpace(item.Id)?.Name ?? item.Id, ItemLinks.For(item));
        }
    }
}
