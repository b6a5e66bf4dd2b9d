using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TeamWiki.Web.Markup;

/// <summary>An <c>@handle</c> in text: rendered as a link to the person's profile.</summary>
internal sealed class MentionInline : ContainerInline
{
    /// <summary>The handle, lower case, without the @.</summary>
    public string Handle { get; init; } = "";
}

/// <summary>
/// Markdig extension for @mentions. Being an inline parser it never sees code spans or code blocks, and
/// it ignores an @ that follows a letter or digit, so e-mail addresses are not mentions.
/// </summary>
internal sealed class MentionExtension : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<MentionInlineParser>())
        {
            pipeline.InlineParsers.Add(new MentionInlineParser());
        }
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<MentionHtmlRenderer>())
        {
            html.ObjectRenderers.Insert(0, new MentionHtmlRenderer());
        }
    }

    /// <summary>The handles mentioned in a parsed document, lower case, each once, in order.</summary>
    public static IReadOnlyList<string> Collect(MarkdownDocument document) =>
        document.Descendants<MentionInline>().Select(m => m.Handle).Distinct().ToList();
}

internal sealed class MentionInlineParser : InlineParser
{
    /// <summary>Longest handle recognised.</summary>
    public const int MaxHandleLength = 64;

    /// <summary>Most mentions per document; further @handles stay text (and notify nobody).</summary>
    public const int MaxMentions = 500;

    private static readonly object Budget = new();

    public MentionInlineParser()
    {
        OpeningCharacters = ['@'];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var previous = slice.PeekCharExtra(-1);
        if (char.IsLetterOrDigit(previous) || previous is '_' or '.' or '-' or '@' or '/' or '+')
        {
            return false;
        }

        var text = slice.Text;
        var start = slice.Start + 1;
        var end = start;
        while (end <= slice.End && end - start < MaxHandleLength + 1 && IsHandleChar(text[end]))
        {
            end++;
        }

        // Trailing dots and dashes end the sentence, not the handle.
        while (end > start && text[end - 1] is '.' or '-' or '_')
        {
            end--;
        }

        if (end == start || end - start > MaxHandleLength || !char.IsAsciiLetterOrDigit(text[start]))
        {
            return false;
        }

        if (!InlineBudget.TryTake(processor, Budget, MaxMentions))
        {
            return false;
        }

        var handle = text[start..end].ToLowerInvariant();
        var mention = new MentionInline
        {
            Handle = handle,
            Span = new SourceSpan(processor.GetSourcePosition(slice.Start, out var line, out var column), 0),
            Line = line,
            Column = column,
        };
        mention.Span = new SourceSpan(mention.Span.Start, mention.Span.Start + end - slice.Start - 1);
        mention.AppendChild(new LiteralInline("@" + text[start..end]));
        mention.IsClosed = true;
        processor.Inline = mention;
        slice.Start = end;
        return true;
    }

    private static bool IsHandleChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}

internal sealed class MentionHtmlRenderer : HtmlObjectRenderer<MentionInline>
{
    protected override void Write(HtmlRenderer renderer, MentionInline obj)
    {
        if (!renderer.EnableHtmlForInline)
        {
            renderer.WriteChildren(obj);
            return;
        }

        renderer.Write("<a class=\"mention\" href=\"/people/").Write(Uri.EscapeDataString(obj.Handle)).Write("\">");
        renderer.WriteChildren(obj);
        renderer.Write("</a>");
    }
}
