using TeamWiki.Storage.Git;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Components.Shared;

namespace TeamWiki.Web.Activity;

/// <summary>What changed in the wiki's content, read from git: the commits that touched a space, as items.</summary>
public sealed class ContentActivity(IContentRepository repository, IContentCatalog catalog)
{
    /// <summary>
    /// The latest changes in a space, newest first; one item per thing changed in a commit. Messages
    /// about moves name only paths in spaces <paramref name="canRead"/> allows.
    /// </summary>
    public IReadOnlyList<ActivityItem> InSpace(string space, int max, Func<string, bool> canRead)
    {
        var snapshot = catalog.Current;
        var items = new List<ActivityItem>();
        foreach (var commit in repository.FileHistory(space, max))
        {
            foreach (var path in repository.ChangedPaths(commit.ParentId, commit.Id).Where(p => p.StartsWith(space + "/", StringComparison.Ordinal)).Take(5))
            {
                if (Describe(path, snapshot) is { } what)
                {
                    items.Add(new ActivityItem(what.Item.Kind.Name(), space, what.Item.Id, what.Title, what.Url, commit.AuthorName, commit.When, Auth.MoveMessages.ForReader(commit.Subject, canRead), commit.Id));
                }
            }

            if (items.Count >= max)
            {
                break;
            }
        }

        return items.Take(max).ToList();
    }

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
