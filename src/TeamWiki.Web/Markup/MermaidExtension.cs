using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace TeamWiki.Web.Markup;

/// <summary>
/// A fenced block written as <c>```mermaid</c> becomes <c>&lt;pre class="mermaid"&gt;</c> holding its source,
/// escaped like any code: <c>js/diagrams.js</c> turns it into a drawing with the bundled Mermaid script, and
/// without script the reader still sees the source, laid out as written. Other fenced blocks are untouched.
/// </summary>
/// <remarks>
/// Markdig's own <c>UseDiagrams()</c> writes a <c>&lt;div&gt;</c>, which collapses the source's line breaks
/// when the script does not run; and it would also claim <c>```nomnoml</c>, which nothing here draws.
/// </remarks>
internal sealed class MermaidExtension : IMarkdownExtension
{
    /// <summary>The class of a diagram's container: what the sanitiser keeps and the script looks for.</summary>
    public const string ContainerClass = "mermaid";

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Rendering only; a mermaid block parses as the fenced code block it is.
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.ReplaceOrAdd<CodeBlockRenderer>(new DiagramOrCodeRenderer());
        }
    }

    /// <summary>True for a fenced block whose info string is "mermaid" (any case), as GitHub reads it.</summary>
    public static bool IsDiagram(CodeBlock block) =>
        block is FencedCodeBlock { Info: { } info } && info.Equals(ContainerClass, StringComparison.OrdinalIgnoreCase);

    private sealed class DiagramOrCodeRenderer : CodeBlockRenderer
    {
        protected override void Write(HtmlRenderer renderer, CodeBlock obj)
        {
            if (!renderer.EnableHtmlForBlock || !IsDiagram(obj))
            {
                base.Write(renderer, obj);
                return;
            }

            renderer.EnsureLine();
            renderer.Write("<pre class=\"" + ContainerClass + "\">");
            // Escaped: the browser decodes it back to the source Mermaid reads; "<script>" stays text.
            renderer.WriteLeafRawLines(obj, writeEndOfLines: true, escape: true);
            renderer.WriteLine("</pre>");
        }
    }
}
