using Markdig;
using Markdig.Renderers;

namespace TeamWiki.Web.Markup;

/// <summary>
/// Markdig extension for wiki links: <c>[[Target]]</c> and <c>[[Target|label]]</c>.
/// </summary>
/// <remarks>
/// Parsing only records the target; the resolver is per render, so resolution happens on the parsed
/// document (see <c>WikiLinkBinder</c>) and the pipeline itself stays free of request state.
/// Without binding, links render as their label, which is what plain-text output needs.
/// </remarks>
internal sealed class WikiLinkExtension : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<WikiLinkInlineParser>())
        {
            // First in line: "[[" must be claimed before the link and task-list parsers look at '['.
            pipeline.InlineParsers.Insert(0, new WikiLinkInlineParser());
        }
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<WikiLinkHtmlRenderer>())
        {
            html.ObjectRenderers.Add(new WikiLinkHtmlRenderer());
        }
    }
}
