using TeamWiki.Search;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tasks;
using TeamWiki.Web.Markup;

namespace TeamWiki.Web.Search.Indexing;

/// <summary>Maps pages, tasks and documents to the search index's own record.</summary>
public sealed class PageDocuments(MarkdownRenderer renderer, IContentCatalog? catalog = null)
{
    /// <summary>The kind of page documents.</summary>
    public const string Kind = ItemKinds.Page;

    /// <summary>The kind of tasks.</summary>
    public const string TaskKind = ItemKinds.Task;

    /// <summary>The kind of uploaded documents.</summary>
    public const string DocumentKind = ItemKinds.Document;

    /// <summary>The index record of a page.</summary>
    public SearchDocument From(WikiPage page) =>
        From(page.Path, page.Title, page.Body, page.Meta, page.Author, page.Updated);

    /// <summary>The index record of a page given its parts (used by bulk rebuilds).</summary>
    public SearchDocument From(PagePath path, string title, string body, FrontMatter meta, string author, DateTimeOffset updated) =>
        new(Kind, path.Value, title, Headings(body), renderer.ToPlainText(body), meta.Tags, path.Space, author, updated, Language(path.Space, meta.Language));

    /// <summary>The index record of a task: found by its key, title, description and labels.</summary>
    public SearchDocument FromTask(WikiTask task, string author, DateTimeOffset updated) =>
        new(TaskKind, task.Key, $"{task.Key} {task.Title}", [], renderer.ToPlainText(task.Description), task.Labels, task.Space, author, updated, Language(task.Space, null));

    /// <summary>The index record of an uploaded document: found by its name and its text.</summary>
    public SearchDocument FromDocument(string id, string space, string name, string text, string author, DateTimeOffset updated) =>
        new(DocumentKind, id, name, [], text, [], space, author, updated, Language(space, null));

    /// <summary>The index id of a page.</summary>
    public static string Id(PagePath path) => SearchDocument.Key(Kind, path.Value);

    /// <summary>"en" when the page says so (its own <c>lang</c>, else its space's), otherwise "nl".</summary>
    private string Language(string space, string? own)
    {
        var language = own ?? catalog?.Current.FindSpace(space)?.Language;
        return language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "nl";
    }

    private static IReadOnlyList<string> Headings(string body)
    {
        var headings = new List<string>();
        var inFence = false;
        foreach (var raw in body.Split('\n'))
        {
            var trimmed = raw.TrimEnd('\r').TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (!inFence && trimmed.StartsWith('#'))
            {
                var text = trimmed.TrimStart('#');
                if (text.StartsWith(' ') && trimmed.Length - text.Length <= 6)
                {
                    headings.Add(text.Trim().TrimEnd('#').Trim());
                }
            }
        }

        return headings;
    }
}
