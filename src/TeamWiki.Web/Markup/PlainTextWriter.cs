using System.Text;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace TeamWiki.Web.Markup;

/// <summary>
/// Turns a parsed document into plain text for search indexing and snippets: one line per block,
/// markup gone, code kept.
/// </summary>
/// <remarks>
/// Markdig's own <c>ToPlainText</c> is not used: it passes raw HTML blocks through verbatim and several
/// extension renderers (definition lists, footnotes) write their tags regardless, so "plain" text could
/// still carry markup into a snippet.
/// </remarks>
internal static class PlainTextWriter
{
    public static string Write(MarkdownDocument document, WikiHtmlSanitizer sanitizer)
    {
        var builder = new StringBuilder();
        AppendBlock(builder, document, sanitizer, 0);
        return builder.ToString().Trim();
    }

    private static void AppendBlock(StringBuilder builder, Block block, WikiHtmlSanitizer sanitizer, int depth)
    {
        switch (block)
        {
            case YamlFrontMatterBlock or LinkReferenceDefinition or ThematicBreakBlock:
                return;
            case HtmlBlock html:
                AppendLine(builder, sanitizer.TextOf(html.Lines.ToString()));
                return;
            case CodeBlock code:
                // Kept line by line: code is often exactly what people search for.
                builder.Append(code.Lines.ToString().TrimEnd()).Append('\n');
                return;
            case LeafBlock leaf:
                AppendLine(builder, InlineText.Of(leaf.Inline));
                return;
            // Same guard as for inlines: absurd nesting is dropped, not recursed into.
            case ContainerBlock container when depth < InlineText.MaxDepth:
                foreach (var child in container)
                {
                    AppendBlock(builder, child, sanitizer, depth + 1);
                }

                return;
        }
    }

    private static void AppendLine(StringBuilder builder, string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 0)
        {
            builder.Append(trimmed).Append('\n');
        }
    }
}
