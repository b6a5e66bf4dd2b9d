using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TeamWiki.Web.Markup;

/// <summary>
/// Rewrites the URLs of Markdown links, images and autolinks in a parsed document (see
/// <see cref="RelativeUrlResolver"/>), and takes out the ones that must not survive.
/// </summary>
/// <remarks>
/// This works on the AST because there the URL is already decoded: "&amp;#106;avascript:" and
/// backslash escapes are plain "javascript:" by now, so the check cannot be dodged by encoding.
/// The sanitizer checks the HTML again afterwards, which also covers raw HTML in the page.
/// </remarks>
internal static class LinkRewriter
{
    public static void Rewrite(MarkdownDocument document, IReadOnlyList<string> pageFolder)
    {
        // Materialised first: unwrapping changes the tree being walked.
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            var url = link.GetDynamicUrl?.Invoke() ?? link.Url ?? string.Empty;
            var resolved = RelativeUrlResolver.Resolve(url, pageFolder, link.IsImage);
            // A dynamic URL would win over Url at render time and undo the rewrite.
            link.GetDynamicUrl = null;
            if (resolved is not null)
            {
                link.Url = resolved;
            }
            else if (link.IsImage)
            {
                // Keeps the alt text for readers; the sanitizer drops the empty src.
                link.Url = string.Empty;
            }
            else
            {
                Unwrap(link);
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (autolink.IsEmail)
            {
                continue;
            }

            var resolved = RelativeUrlResolver.Resolve(autolink.Url, pageFolder, isImage: false);
            if (resolved is null)
            {
                // The visible text of an autolink is the URL itself, so keeping it as text would
                // still show "javascript:..." on the page: drop it whole.
                autolink.Remove();
            }
            else
            {
                autolink.Url = resolved;
            }
        }
    }

    /// <summary>Replaces the link by its children: the text stays, the link goes.</summary>
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }

        link.Remove();
    }
}
