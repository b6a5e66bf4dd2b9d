using System.Text;
using Markdig;
using Markdig.Syntax;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Markup;

/// <summary>
/// The pages whose <c>[[links]]</c> lead to a page that is being moved, with those links rewritten to its
/// new address. A link by title keeps working after a move (titles do not change), so only links that
/// name the old address, or guess it from a slug, are rewritten; the author's label stays.
/// </summary>
public sealed class MovedPageLinks
{
    private static readonly MarkdownPipeline Pipeline = WikiMarkdownPipeline.Build();

    /// <summary>
    /// Every page in <paramref name="spaces"/> (the spaces the mover may change), other than the moved
    /// ones, whose links to <paramref name="from"/> or its sub-pages must change, with its new text.
    /// Resolved as <paramref name="reader"/> sees them. A page that moves to another space has its links
    /// rewritten only in pages of that space: a rewritten link would show the new address (a space key and
    /// page name) to every reader of the linking page, who may not be allowed to know it; elsewhere the old
    /// address keeps working as a redirect for those who may read both.
    /// </summary>
    /// <param name="candidates">The only pages worth reading (the link graph's candidates), when known.</param>
    public IReadOnlyList<PageRewrite> Find(ContentSnapshot snapshot, IPageStore pages, ReadableSpaces reader, IReadOnlySet<string> spaces, PagePath from, PagePath to, IReadOnlySet<PagePath>? candidates = null)
    {
        var resolver = new CatalogLinkResolver(snapshot, reader);
        var result = new List<PageRewrite>();
        bool MayShowTheNewAddress(string space) => from.Space == to.Space || space == to.Space;
        foreach (var summary in snapshot.Pages.Where(p => spaces.Contains(p.Path.Space) && MayShowTheNewAddress(p.Path.Space) && (candidates is null || candidates.Contains(p.Path))))
        {
            if (summary.Path == from || summary.Path.Value.StartsWith(from.Value + "/", StringComparison.Ordinal)
                || pages.Get(summary.Path) is not { } page || !page.Markdown.Contains("[[", StringComparison.Ordinal))
            {
                continue;
            }

            if (Rewrite(page.Markdown, summary.Path.Space, resolver, snapshot, from, to) is { } text)
            {
                result.Add(new PageRewrite(summary.Path, text));
            }
        }

        return result;
    }

    /// <summary>The text with its links to <paramref name="from"/> (and below) leading to <paramref name="to"/>; null when none did.</summary>
    internal static string? Rewrite(string markdown, string space, IWikiLinkResolver resolver, ContentSnapshot snapshot, PagePath from, PagePath to)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var edits = new List<(int Start, int Length, string Text)>();
        foreach (var link in document.Descendants<WikiLinkInline>())
        {
            var resolved = resolver.Resolve(link.Target, space);
            if (resolved.IsPlainText || !PagePath.TryParse(resolved.Path, out var target)
                || (target != from && !target.Value.StartsWith(from.Value + "/", StringComparison.Ordinal)))
            {
                continue;
            }

            var byTitle = !link.Target.Contains('/') && snapshot.FindAllByTitle(link.Target).Any(p => p.Path == target);
            if (byTitle)
            {
                continue;
            }

            var moved = to.Value + target.Value[from.Value.Length..];
            var label = link.Label ?? (link.Target.Contains('/') ? null : link.Target);
            edits.Add((link.Span.Start, link.Span.Length, label is null ? $"[[{moved}]]" : $"[[{moved}|{label}]]"));
        }

        if (edits.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder(markdown);
        foreach (var (start, length, replacement) in edits.OrderByDescending(e => e.Start))
        {
            text.Remove(start, length).Insert(start, replacement);
        }

        return text.ToString();
    }
}
