using TeamWiki.Storage.Documents;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tasks;
using TeamWiki.Web.Components.Shared;
using TeamWiki.Web.Indexing;

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
                    items.Add(new ActivityItem(what.Kind, space, what.Id, what.Title, what.Url, commit.AuthorName, commit.When, Auth.MoveMessages.ForReader(commit.Subject, canRead), commit.Id));
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
    public static (string Kind, string Id, string Title, string? Url)? Describe(string path, ContentSnapshot snapshot)
    {
        if (PagePath.FromFilePath(path) is { } page)
        {
            var summary = snapshot.Find(page);
            return (PageDocuments.Kind, page.Value, summary?.Title ?? PageTitles.FromSlug(page.Name), summary is null ? null : ItemLinks.For(PageDocuments.Kind, page.Value));
        }

        if (TaskKey.FromFilePath(path) is { } task)
        {
            var found = snapshot.FindTask(task.Key);
            return (PageDocuments.TaskKind, task.Key, found is null ? task.Key : $"{task.Key} {found.Title}", found is null ? null : ItemLinks.For(PageDocuments.TaskKind, task.Key));
        }

        var parts = path.Split('/');
        if (parts.Length == 3 && parts[1] == DocumentStore.Folder)
        {
            var id = DocumentStore.Id(parts[0], parts[2]);
            var exists = snapshot.DocumentsIn(parts[0]).Any(d => d.Path == path);
            return (PageDocuments.DocumentKind, id, parts[2], exists ? ItemLinks.Document(id) : null);
        }

        if (parts.Length == 2 && parts[1] == "_space.yml")
        {
            return ("space", parts[0], snapshot.FindSpace(parts[0])?.Name ?? parts[0], $"/wiki/{parts[0]}");
        }

        return null;
    }
}
