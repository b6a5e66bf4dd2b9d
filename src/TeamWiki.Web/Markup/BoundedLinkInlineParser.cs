using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace TeamWiki.Web.Markup;

/// <summary>
/// Markdig's link parser with a bound on how far it reads ahead for the destination and title of an
/// inline link. Markdig scans from every "](" to the end of the paragraph when no link closes (the
/// destination may hold balanced parentheses), so 200 KB of "[a](" took half a minute. A link whose
/// "(destination "title")" is longer than <see cref="MaxLinkTail"/> characters stays text.
/// </summary>
internal sealed class BoundedLinkInlineParser : LinkInlineParser
{
    /// <summary>Longest "(destination "title")" recognised: twice the longest URL browsers and servers commonly accept.</summary>
    public const int MaxLinkTail = 4096;

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.CurrentChar != ']' || slice.PeekChar() != '(')
        {
            return base.Match(processor, ref slice);
        }

        var bounded = slice;
        bounded.End = Math.Min(slice.End, slice.Start + MaxLinkTail);
        if (!base.Match(processor, ref bounded))
        {
            return false;
        }

        slice.Start = bounded.Start;
        return true;
    }
}

/// <summary>Puts <see cref="BoundedLinkInlineParser"/> in the place of Markdig's link parser; registered last so every other extension has set up first.</summary>
internal sealed class BoundedLinksExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        var parsers = pipeline.InlineParsers;
        for (var i = 0; i < parsers.Count; i++)
        {
            if (parsers[i].GetType() == typeof(LinkInlineParser))
            {
                parsers[i] = new BoundedLinkInlineParser();
            }
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}
