using Markdig.Syntax;

namespace TeamWiki.Web.Markup;

/// <summary>
/// Resolves every wiki link of a parsed document with the caller's resolver.
/// </summary>
/// <remarks>
/// Runs on the per-render document rather than inside the parser, so one shared pipeline can serve
/// requests with different resolvers concurrently.
/// </remarks>
internal static class WikiLinkBinder
{
    /// <summary>
    /// The links' canonical paths in order of first appearance, whether any is missing (links that stay
    /// plain text for this reader are in neither), and how many wiki links the document has.
    /// </summary>
    public static (IReadOnlyList<string> LinkedPages, bool HasMissingLinks, int Count) Bind(
        MarkdownDocument document, IWikiLinkResolver resolver, string currentSpace)
    {
        var linked = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var hasMissing = false;
        var count = 0;

        foreach (var link in document.Descendants<WikiLinkInline>())
        {
            var resolved = resolver.Resolve(link.Target, currentSpace)
                ?? throw new InvalidOperationException(
                    $"{resolver.GetType().Name} returned null for wiki link target '{link.Target}'.");
            link.Bind(resolved);
            count++;
            if (resolved.IsPlainText)
            {
                continue;
            }

            hasMissing |= !resolved.Exists;
            if (seen.Add(resolved.Path))
            {
                linked.Add(resolved.Path);
            }
        }

        return (linked, hasMissing, count);
    }
}
