using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace TeamWiki.Web.Markup;

/// <summary>
/// Swaps Markdig's heading renderer for <see cref="AnchoredHeadingRenderer"/>, which adds a link to the
/// heading itself so readers can copy a deep link.
/// </summary>
internal sealed class HeadingAnchorExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Rendering only; parsing is untouched.
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.ReplaceOrAdd<HeadingRenderer>(new AnchoredHeadingRenderer());
        }
    }
}
