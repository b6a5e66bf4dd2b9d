using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TeamWiki.Web.Markup;

/// <summary>
/// GitHub-style heading ids ("## Eerste week" → "eerste-week", repeats "-1", "-2", …), as Markdig's
/// AutoIdentifiers extension makes them, in linear time. Markdig looks for a free "-N" by counting up
/// from 1 for every repeated heading, which is quadratic: 200 KB of "## Kop" took 23 s to parse. Here
/// each heading text remembers where its count got to. The ids are the same as Markdig's (the smallest
/// free suffix), so links copied from a Git host keep working.
/// </summary>
internal sealed class HeadingIdExtension : IMarkdownExtension
{
    private static readonly object UsedKey = new();

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (pipeline.BlockParsers.Find<HeadingBlockParser>() is { } headings)
        {
            headings.Closed -= OnClosed;
            headings.Closed += OnClosed;
        }

        // Setext headings ("Kop\n===") are made by the paragraph parser.
        if (pipeline.BlockParsers.FindExact<ParagraphBlockParser>() is { } paragraphs)
        {
            paragraphs.Closed -= OnClosed;
            paragraphs.Closed += OnClosed;
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void OnClosed(BlockProcessor processor, Block block)
    {
        if (block is HeadingBlock heading)
        {
            heading.ProcessInlinesEnd += AssignId;
        }
    }

    private static void AssignId(InlineProcessor processor, Inline? inline)
    {
        var heading = (HeadingBlock)processor.Block!;
        if (heading.Inline is null || heading.GetAttributes().Id is not null)
        {
            return;
        }

        if (processor.Document.GetData(UsedKey) is not HeadingIds ids)
        {
            ids = new HeadingIds();
            processor.Document.SetData(UsedKey, ids);
        }

        // The heading's text without markup, as Markdig's extension takes it.
        var writer = new StringWriter();
        new HtmlRenderer(writer) { EnableHtmlForInline = false, EnableHtmlEscape = false }.Render(heading.Inline);
        var text = LinkHelper.UrilizeAsGfm(writer.ToString());
        heading.GetAttributes().Id = ids.Claim(string.IsNullOrEmpty(text) ? "section" : text);
    }

    /// <summary>The ids of one document so far, and per heading text the next suffix to try.</summary>
    private sealed class HeadingIds
    {
        private readonly HashSet<string> _used = new(StringComparer.Ordinal);
        private readonly Dictionary<string, uint> _next = new(StringComparer.Ordinal);

        public string Claim(string id)
        {
            if (_used.Add(id))
            {
                return id;
            }

            // Every suffix below _next[id] is taken already, so starting there finds the smallest free one.
            var index = _next.GetValueOrDefault(id, 1u);
            string candidate;
            while (!_used.Add(candidate = $"{id}-{index}"))
            {
                index++;
            }

            _next[id] = index + 1;
            return candidate;
        }
    }
}
