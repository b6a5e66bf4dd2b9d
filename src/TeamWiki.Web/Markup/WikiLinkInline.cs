using Markdig.Helpers;
using Markdig.Syntax.Inlines;

namespace TeamWiki.Web.Markup;

/// <summary>
/// A parsed <c>[[Target]]</c> or <c>[[Target|label]]</c>.
/// </summary>
/// <remarks>
/// It is a closed container holding one <see cref="LiteralInline"/> with the visible text, rather than a
/// leaf with a string: Markdig's auto-identifier extension renders headings with a bare
/// <c>HtmlRenderer</c> that knows nothing about this type, and only falls back to writing the children
/// of containers. That way "## Zie [[Onboarding]]" still gets the id "zie-onboarding". The literal is
/// also what the HTML renderer escapes, so labels never reach the output as markup.
/// </remarks>
internal sealed class WikiLinkInline : ContainerInline
{
    public WikiLinkInline(string target, string? label)
    {
        Target = target;
        Label = label;
        // Closed, or the inline processor would nest the rest of the paragraph inside the link.
        IsClosed = true;
        AppendChild(new LiteralInline(label ?? target));
    }

    /// <summary>The text before any '|', trimmed; what the resolver receives.</summary>
    public string Target { get; }

    /// <summary>The text after '|', trimmed, or null when the author gave none.</summary>
    public string? Label { get; }

    /// <summary>Set per render by <see cref="WikiLinkBinder"/>; null when rendering without a resolver.</summary>
    public WikiLinkTarget? Resolved { get; private set; }

    /// <summary>
    /// Records where the link points and, for an unlabelled link to an existing page, shows the page's
    /// real title instead of whatever spelling the author used.
    /// </summary>
    public void Bind(WikiLinkTarget resolved)
    {
        Resolved = resolved;
        if (Label is null && resolved.Exists && !string.IsNullOrWhiteSpace(resolved.Title)
            && FirstChild is LiteralInline literal)
        {
            literal.Content = new StringSlice(resolved.Title);
        }
    }
}
