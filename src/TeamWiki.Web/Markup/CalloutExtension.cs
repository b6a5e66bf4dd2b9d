using Markdig;
using Markdig.Extensions.Alerts;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace TeamWiki.Web.Markup;

/// <summary>
/// GitHub's callouts and only those: "> [!NOTE]", TIP, IMPORTANT, WARNING and CAUTION become alert boxes;
/// any other "[!WORD]" stays the quote it was written as, its text intact (Markdig alone would take any
/// word, and the box of an unknown kind would lose the marker the author typed). The title is left to the
/// stylesheet, in the reader's language: the rendered HTML is cached for every reader alike.
/// </summary>
internal sealed class CalloutExtension : IMarkdownExtension
{
    private static readonly string[] Kinds = ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"];

    /// <summary>Writes an alert's title element; its text comes from the stylesheet.</summary>
    public static void RenderTitle(HtmlRenderer renderer, StringSlice kind) => renderer.Write("<p class=\"markdown-alert-title\"></p>\n");

    /// <summary>Replaces Markdig's alert parser (added by <c>UseAlertBlocks</c> before this) with one for the five kinds.</summary>
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.InlineParsers.Replace<AlertInlineParser>(new KnownKindsOnly());

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private sealed class KnownKindsOnly : AlertInlineParser
    {
        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            var text = slice.AsSpan();
            var close = text.IndexOf(']');
            return text.StartsWith("[!") && close > 2 && IsKnown(text[2..close]) && base.Match(processor, ref slice);
        }

        private static bool IsKnown(ReadOnlySpan<char> kind)
        {
            foreach (var known in Kinds)
            {
                if (kind.Equals(known, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
