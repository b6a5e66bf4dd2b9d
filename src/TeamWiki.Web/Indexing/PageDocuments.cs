using TeamWiki.Search;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Markup;

namespace TeamWiki.Web.Indexing;

/// <summary>Maps a wiki page to the search index's own record.</summary>
public sealed class PageDocuments(MarkdownRenderer renderer, IContentCatalog? catalog = null)
{
    /// <summary>The kind of page documents.</summary>
    public const string Kind = "page";

    /// <summary>The index record of a page.</summary>
    public SearchDocument From(WikiPage page) =>
        From(page.Path, page.Title, page.Body, page.Meta, page.Author, page.Updated);

    /// <summary>The index record of a page given its parts (used by bulk rebuilds).</summary>
    public SearchDocument From(PagePath path, string title, string body, FrontMatter meta, string author, DateTimeOffset updated) =>
        new(Kind, path.Value, title, Headings(body), renderer.ToPlainText(body), meta.Tags, path.Space, author, updated, Language(path, meta));

    /// <summary>"en" for pages in English (their own <c>lang</c>, else their space's), otherwise "nl".</summary>
    private string Language(PagePath path, FrontMatter meta)
    {
        var language = meta.Language ?? catalog?.Current.FindSpace(path.Space)?.Language;
        return language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "nl";
    }

    /// <summary>The index id of a page.</summary>
    public static string Id(PagePath path) => SearchDocument.Key(Kind, path.Value);

    private static IReadOnlyList<string> Headings(string body)
    {
        var headings = new List<string>();
        var inFence = false;
        foreach (var raw in body.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var trimmed = line.TrimStart();
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
