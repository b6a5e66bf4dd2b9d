using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace TeamWiki.Web.Markup;

/// <summary>
/// Collects the table of contents from the parsed document.
/// </summary>
/// <remarks>
/// Taken from the AST, where a "## ..." line inside a code block is code, not a heading, and where the
/// ids are the very ones the auto-identifier extension assigned for rendering.
/// Call after <see cref="WikiLinkBinder"/> so unlabelled wiki links show their resolved titles.
/// </remarks>
internal static class TocCollector
{
    public const int MinLevel = 2;
    public const int MaxLevel = 3;

    public static IReadOnlyList<TocEntry> Collect(MarkdownDocument document)
    {
        var entries = new List<TocEntry>();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            if (heading.Level is < MinLevel or > MaxLevel)
            {
                continue;
            }

            var id = heading.TryGetAttributes()?.Id;
            if (string.IsNullOrEmpty(id))
            {
                continue;
            }

            entries.Add(new TocEntry(heading.Level, id, InlineText.Of(heading.Inline)));
        }

        return entries;
    }
}
