using Markdig;
using Markdig.Extensions.AutoLinks;
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

/// <summary>
/// Markdig's autolink parser ("www.example.org", "https://…" in running text) with a bound on how many
/// candidates one document may try. Markdig checks each candidate against every inline before it in the
/// paragraph, so 200 KB of "www.a.nl " took seconds; past <see cref="MaxAutoLinks"/> they stay text.
/// </summary>
internal sealed class BoundedAutoLinkParser(AutoLinkOptions options) : AutoLinkParser(options)
{
    /// <summary>Most autolink candidates tried per document.</summary>
    public const int MaxAutoLinks = 1000;

    private static readonly object Budget = new();

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var span = slice.AsSpan();
        var candidate = span.StartsWith("http://", StringComparison.Ordinal) || span.StartsWith("https://", StringComparison.Ordinal)
            || span.StartsWith("www.", StringComparison.Ordinal) || span.StartsWith("ftp://", StringComparison.Ordinal)
            || span.StartsWith("mailto:", StringComparison.Ordinal) || span.StartsWith("tel:", StringComparison.Ordinal);
        return candidate && InlineBudget.TryTake(processor, Budget, MaxAutoLinks) && base.Match(processor, ref slice);
    }
}

/// <summary>
/// Puts <see cref="BoundedLinkInlineParser"/> and <see cref="BoundedAutoLinkParser"/> in the place of
/// Markdig's own; registered last so every other extension has set up first.
/// </summary>
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
            else if (parsers[i] is AutoLinkParser autoLinks && autoLinks.GetType() == typeof(AutoLinkParser))
            {
                parsers[i] = new BoundedAutoLinkParser(autoLinks.Options);
            }
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}
