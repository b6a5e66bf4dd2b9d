using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace TeamWiki.Web.Markup;

/// <summary>
/// Writes a bound <see cref="WikiLinkInline"/> as an anchor to the page, or to the editor when the page
/// does not exist yet.
/// </summary>
internal sealed class WikiLinkHtmlRenderer : HtmlObjectRenderer<WikiLinkInline>
{
    private const string MissingTooltip = "Deze pagina bestaat nog niet";

    protected override void Write(HtmlRenderer renderer, WikiLinkInline obj)
    {
        // Plain-text rendering (ToPlainText, heading ids), unbound links and links the reader may not
        // follow only show the label (or the target as written).
        if (!renderer.EnableHtmlForInline || obj.Resolved is not { IsPlainText: false } target)
        {
            renderer.WriteChildren(obj);
            return;
        }

        var path = EncodePath(target.Path);
        if (target.Exists)
        {
            renderer.Write("<a class=\"wikilink\" href=\"/wiki/").Write(path).Write("\">");
        }
        else
        {
            renderer.Write("<a class=\"wikilink missing\" href=\"/edit/").Write(path)
                .Write("?title=").Write(Uri.EscapeDataString(target.Title))
                .Write("\" title=\"").Write(MissingTooltip).Write("\">");
        }

        // The child is a literal, which the HTML renderer escapes.
        renderer.WriteChildren(obj);
        renderer.Write("</a>");
    }

    /// <summary>
    /// Percent-encodes each segment. Paths are documented as slugs, but the resolver is app code and a
    /// quote or space slipping through must not be able to end the attribute.
    /// </summary>
    internal static string EncodePath(string path)
    {
        var segments = path.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s is not "." and not "..")
            .Select(Uri.EscapeDataString);
        return string.Join('/', segments);
    }
}
