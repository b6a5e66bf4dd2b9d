using System.Globalization;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace TeamWiki.Web.Markup;

/// <summary>
/// Renders a heading like Markdig does, plus a trailing self-link when the heading has an id:
/// <c>&lt;h2 id="eerste-week"&gt;Eerste week &lt;a class="anchor" href="#eerste-week" aria-label="…"&gt;#&lt;/a&gt;&lt;/h2&gt;</c>.
/// </summary>
/// <remarks>
/// The link gets an aria-label instead of aria-hidden: a focusable element hidden from assistive
/// technology is an accessibility error, and keyboard users should be able to reach the link too.
/// The label is Dutch, like the rest of the UI.
/// </remarks>
internal sealed class AnchoredHeadingRenderer : HtmlObjectRenderer<HeadingBlock>
{
    public const string AnchorLabel = "Directe link naar dit kopje";

    protected override void Write(HtmlRenderer renderer, HeadingBlock obj)
    {
        var tag = "h" + obj.Level.ToString(CultureInfo.InvariantCulture);
        if (renderer.EnableHtmlForBlock)
        {
            renderer.Write('<').Write(tag).WriteAttributes(obj).Write('>');
        }

        renderer.WriteLeafInline(obj);

        if (renderer.EnableHtmlForBlock)
        {
            var id = obj.TryGetAttributes()?.Id;
            if (!string.IsNullOrEmpty(id))
            {
                renderer.Write(" <a class=\"anchor\" href=\"#").WriteEscapeUrl(id)
                    .Write("\" aria-label=\"").Write(AnchorLabel).Write("\">#</a>");
            }

            renderer.Write("</").Write(tag).WriteLine(">");
        }

        renderer.EnsureLine();
    }
}
