using Lucene.Net.Search;
using LuceneQuery = Lucene.Net.Search.Query;

namespace TeamWiki.Search.Query;

/// <summary>
/// The ranking rules as score tiers added on top of BM25. Every word a page matches (whole or as a compound
/// part) adds <c>(words + 1) × Step</c>; for a one-word query, a word sharing its stem adds <c>Step</c>,
/// a form of its dictionary form another, the word as written a third; the query's words as a phrase (or
/// written together as one compound) add <c>Step</c>. So a page with more of the words outranks one with
/// fewer, whatever their BM25 scores; the word as written outranks its other forms, which outrank words
/// that only look alike to the stemmer, which outrank the word inside a compound; a phrase outranks the
/// rest; fuzzy matches earn nothing and stay below all of these. Step is far above the BM25 score of a
/// query (tens per word), so BM25 only orders pages within a tier.
/// </summary>
internal static class RankTiers
{
    /// <summary>The score of one tier step.</summary>
    public const float Step = 1000f;

    /// <summary>How many of <paramref name="words"/> words a page needs: all of one or two, more than half of more.</summary>
    public static int WordsRequired(int words) => words <= 2 ? words : words / 2 + 1;

    /// <summary>The bonus clauses (to be added as SHOULD next to the words) for a query of these words.</summary>
    public static IEnumerable<LuceneQuery> Bonuses(IReadOnlyList<WordQuery> words, LuceneQuery? phrase)
    {
        var matchBonus = (words.Count + 1) * Step;
        foreach (var word in words)
        {
            if (word.Match is { } match)
            {
                yield return new ConstantScoreQuery(match) { Boost = matchBonus };
            }

            // One word: the word as written outranks another form of its dictionary form, which outranks the
            // word inside a compound, which outranks a word that only shares its stem ("buiten" for "buit",
            // "instellen" for "instelling": the word lists know both words and keep them apart, so the
            // stemmer's guess is the weakest evidence). Several words: the count of words matched decides the
            // tier, and BM25 (compound parts weigh 0.1) orders pages within it, so a page about "kennisdeling"
            // and "lunchsessies" is not pushed under one that says "lunch" and "kennismaking" in passing.
            if (words.Count == 1)
            {
                // The tiers nest (exact within lemma within lemma-or-part), so each adds a step.
                var lemmaOrPart = word.Lemma is null || word.Part is null
                    ? word.Lemma ?? word.Part
                    : new BooleanQuery(disableCoord: true) { { word.Lemma, Occur.SHOULD }, { word.Part, Occur.SHOULD } };
                foreach (var tier in new[] { lemmaOrPart, word.Lemma, word.Exact })
                {
                    if (tier is not null)
                    {
                        yield return new ConstantScoreQuery(tier) { Boost = Step };
                    }
                }
            }
        }

        if (phrase is not null)
        {
            yield return new ConstantScoreQuery(phrase) { Boost = Step };
        }
    }
}
