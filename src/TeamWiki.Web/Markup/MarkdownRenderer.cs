using Ganss.Xss;
using Markdig;

namespace TeamWiki.Web.Markup;

/// <summary>PLACEHOLDER until the real renderer lands.</summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().UseYamlFrontMatter().Build();
    private readonly HtmlSanitizer _sanitizer = new();

    /// <summary>Renders.</summary>
    public RenderedMarkdown Render(string markdown, string pagePath, IWikiLinkResolver links) =>
        new(_sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline)), [], [], false);

    /// <summary>Plain text.</summary>
    public string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, _pipeline);
}
