using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Spans;

namespace TeamWiki.Search.Query;

/// <summary>
/// The order of title suggestions: titles that start with what was typed ("verg" → "Vergaderingen") before
/// titles that only have a word starting so ("Declaraties en vergoedingen").
/// </summary>
/// <remarks>
/// Every suggestion already matches all typed words as prefixes of title words (constant scores), so a
/// should-clause that matches only when the typed words are the title's first words, in order, lifts
/// exactly those titles above the rest: a span of the typed prefixes next to each other, ending by the
/// position after the last of them. It is a query rather than a sort of the results, so a title that
/// starts right is among the first ones even when hundreds of titles have a word starting so.
/// </remarks>
internal static class SuggestionOrder
{
    /// <summary>
    /// Prefix expansions kept per typed word in the span (span queries expand every term, unlike the
    /// constant-score prefix queries that decide what matches); below the 1,024 clauses Lucene allows.
    /// </summary>
    private const int MaxExpansions = 512;

    private const float Boost = 10f;

    /// <summary>Matches titles whose first words start with <paramref name="words"/> (analysed, in order).</summary>
    public static Lucene.Net.Search.Query TitleStartsWith(IReadOnlyList<string> words)
    {
        var spans = words.Select(word => (SpanQuery)new SpanMultiTermQueryWrapper<PrefixQuery>(new PrefixQuery(new Term(SearchFields.TitleWords, word)))
        {
            MultiTermRewriteMethod = new SpanMultiTermQueryWrapper<PrefixQuery>.TopTermsSpanBooleanQueryRewrite(MaxExpansions / Math.Max(1, words.Count)),
        }).ToArray();
        SpanQuery together = spans.Length == 1 ? spans[0] : new SpanNearQuery(spans, slop: 0, inOrder: true);
        return new SpanFirstQuery(together, spans.Length) { Boost = Boost };
    }
}
