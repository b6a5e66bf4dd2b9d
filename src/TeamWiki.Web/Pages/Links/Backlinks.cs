using TeamWiki.Storage.Pages;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Markup;

namespace TeamWiki.Web.Pages.Links;

/// <summary>A page that links to another, as one reader may see it.</summary>
/// <param name="Path">The linking page.</param>
/// <param name="Title">Its title.</param>
/// <param name="Space">Its space.</param>
public sealed record Backlink(string Path, string Title, string Space);

/// <summary>
/// "Linked from": the pages that link to a page, only those the reader may read, and only where the
/// link, resolved for that reader against the current snapshot, really leads to the page (a title link
/// that now finds another page, or a link the reader sees as plain text, does not count).
/// </summary>
/// <remarks>
/// The answer depends on the tip of the branch and the reader's readable spaces only, which are both in
/// the page view cache's key (<see cref="Cache.PageViewKey"/>): a kept page view never shows another
/// reader's backlinks or those of an older commit.
/// </remarks>
public sealed class Backlinks(LinkGraph graph, IContentCatalog catalog)
{
    /// <summary>The pages linking to <paramref name="target"/> for <paramref name="reader"/>, by title.</summary>
    public IReadOnlyList<Backlink> To(PagePath target, ReadableSpaces reader)
    {
        var snapshot = catalog.Current;
        if (snapshot.Find(target) is not { } page)
        {
            return [];
        }

        var resolver = new CatalogLinkResolver(snapshot, reader);
        var result = new List<Backlink>();
        foreach (var (source, targets) in graph.Candidates(target, page.Title))
        {
            if (!reader.Contains(source.Space) || snapshot.Find(source) is not { } linking)
            {
                continue;
            }

            if (targets.Any(t => resolver.Resolve(t, source.Space) is { IsPlainText: false, Exists: true } r && r.Path == target.Value))
            {
                result.Add(new Backlink(linking.Path.Value, linking.Title, linking.Path.Space));
            }
        }

        return result.OrderBy(b => b.Title, StringComparer.CurrentCultureIgnoreCase).ThenBy(b => b.Path, StringComparer.Ordinal).ToList();
    }
}
