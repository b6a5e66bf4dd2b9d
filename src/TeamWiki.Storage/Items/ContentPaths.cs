using TeamWiki.Storage.Documents;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Spaces;
using TeamWiki.Storage.Tasks;

namespace TeamWiki.Storage.Items;

/// <summary>
/// The one place that says what a file in the repository is: a page, a task, a document, a space's
/// settings, or nothing the wiki shows (a deleted task's file, an image beside a page, a stray file).
/// The change feed classifies every changed file through this, so the indexer, the notifier, the history
/// index and the activity read from it agree on what an item is.
/// </summary>
public static class ContentPaths
{
    /// <summary>The item a repository file holds, or null when it holds none.</summary>
    public static ItemRef? Classify(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        if (PagePath.FromFilePath(path) is { } page)
        {
            return ItemRef.Page(page);
        }

        if (TaskKey.FromFilePath(path) is { } task)
        {
            return ItemRef.Task(task.Key);
        }

        var parts = path.Split('/');
        if (parts is [var space, DocumentStore.Folder, var name] && DocumentStore.ParseId(DocumentStore.Id(space, name)) is not null)
        {
            return ItemRef.Document(space, name);
        }

        return parts is [var key, SpaceMetadata.FileName] && Slug.IsSlug(key) ? ItemRef.Space(key) : null;
    }

    /// <summary>The space a repository path lies in (its first folder), or null for a file at the root.</summary>
    public static string? SpaceOf(string? path) =>
        path is not null && path.IndexOf('/') is var slash and > 0 ? path[..slash] : null;
}
