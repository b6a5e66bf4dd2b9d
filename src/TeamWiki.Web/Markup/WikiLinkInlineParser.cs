using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace TeamWiki.Web.Markup;

/// <summary>
/// Recognises <c>[[Target]]</c> and <c>[[Target|label]]</c>. Being an inline parser, it never sees the
/// inside of code spans or code blocks: Markdig hands those to other parsers first.
/// </summary>
/// <remarks>
/// Anything that does not qualify is left alone (returns false), so the brackets fall through to the
/// ordinary link parser and end up as literal text, exactly as they would without this extension.
/// </remarks>
internal sealed class WikiLinkInlineParser : InlineParser
{
    /// <summary>Longest target accepted; longer ones are almost certainly not a page reference.</summary>
    public const int MaxTargetLength = 300;

    /// <summary>Most wiki links per document; each is resolved against the catalog, so further ones stay text.</summary>
    public const int MaxLinks = 2000;

    // Bounds the search for "]]" so a stray "[[" in a long paragraph costs O(1), not O(n).
    private const int MaxInnerLength = 1000;

    private static readonly object Budget = new();

    public WikiLinkInlineParser()
    {
        OpeningCharacters = ['['];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != '[')
        {
            return false;
        }

        var text = slice.Text;
        var innerStart = slice.Start + 2;
        var searchEnd = Math.Min(slice.End, innerStart + MaxInnerLength + 1);
        var close = -1;
        for (var i = innerStart; i < searchEnd; i++)
        {
            var c = text[i];
            if (c == ']' && text[i + 1] == ']')
            {
                close = i;
                break;
            }

            // A line break means the author did not mean a link; control characters and '[' would make
            // the target ambiguous. Stopping here also keeps "[[[[[[..." linear instead of quadratic.
            if (c == '[' || char.IsControl(c))
            {
                return false;
            }
        }

        if (close < 0 || !TrySplit(text.AsSpan(innerStart, close - innerStart), out var target, out var label)
            || !InlineBudget.TryTake(processor, Budget, MaxLinks))
        {
            return false;
        }

        var start = processor.GetSourcePosition(slice.Start, out var line, out var column);
        processor.Inline = new WikiLinkInline(target, label)
        {
            Span = new SourceSpan(start, start + (close + 2 - slice.Start) - 1),
            Line = line,
            Column = column,
        };
        slice.Start = close + 2;
        return true;
    }

    private static bool TrySplit(ReadOnlySpan<char> inner, out string target, out string? label)
    {
        target = string.Empty;
        label = null;
        var pipe = inner.IndexOf('|');
        var targetSpan = pipe < 0 ? inner : inner[..pipe];
        // Inside a pipe table the separator has to be written "\|" (GitHub's rule); the backslash
        // belongs to the escape, not to the target.
        if (pipe > 0 && targetSpan[^1] == '\\')
        {
            targetSpan = targetSpan[..^1];
        }

        targetSpan = targetSpan.Trim();
        if (targetSpan.IsEmpty || targetSpan.Length > MaxTargetLength
            || targetSpan.IndexOfAny('<', '>') >= 0)
        {
            return false;
        }

        target = targetSpan.ToString();
        if (pipe >= 0)
        {
            var labelSpan = inner[(pipe + 1)..].Trim();
            label = labelSpan.IsEmpty ? null : labelSpan.ToString();
        }

        return true;
    }
}
