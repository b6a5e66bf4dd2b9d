using Markdig.Parsers;

namespace TeamWiki.Web.Markup;

/// <summary>
/// Counts per parsed document how many inlines of a kind became links, so a flood of them costs no more
/// than text: 180 KB of "@a " made 60,000 profile links (14 times the input in HTML, all sanitised).
/// Past the limit the rest stay plain text.
/// </summary>
internal static class InlineBudget
{
    /// <summary>True (and counted) while the document has made fewer than <paramref name="max"/> of <paramref name="kind"/>.</summary>
    public static bool TryTake(InlineProcessor processor, object kind, int max)
    {
        var document = processor.Document;
        var used = document.GetData(kind) is int n ? n : 0;
        if (used >= max)
        {
            return false;
        }

        document.SetData(kind, used + 1);
        return true;
    }
}
