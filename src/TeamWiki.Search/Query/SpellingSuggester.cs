using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace TeamWiki.Search.Query;

/// <summary>
/// "Bedoelde u …?": for a word that occurs nowhere, the closest word of the index's own vocabulary
/// (its <c>words</c> field), by edit distance first and how common it is second. Works like Lucene's
/// DirectSpellChecker, on the same fuzzy term enumeration, without a separate spelling index. Only words
/// that occur in documents the reader may see count, and only those documents count towards how common
/// a word is: a suggestion must not reveal a word of a hidden space.
/// </summary>
internal static class SpellingSuggester
{
    public static string? Suggest(IndexReader reader, string word, VisibleDocs visible)
    {
        var text = word.ToLowerInvariant();
        if (text.Length < 3 || text.Any(char.IsDigit))
        {
            return null;
        }

        var terms = MultiFields.GetTerms(reader, SearchFields.Words);
        if (terms is null)
        {
            return null;
        }

        var maxEdits = text.Length >= 6 ? 2 : 1;
        var attributes = new AttributeSource();
        var fuzzy = new FuzzyTermsEnum(terms, attributes, new Term(SearchFields.Words, text), minSimilarity: maxEdits, prefixLength: 1, transpositions: true);
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = 0;
        var checkedTerms = 0;
        while (fuzzy.MoveNext() && checkedTerms++ < 2000)
        {
            var candidate = fuzzy.Term;
            var suggestion = candidate.Utf8ToString();
            if (suggestion == text || suggestion.Length < 2)
            {
                continue;
            }

            var distance = Distance(text, suggestion);
            if (distance > bestDistance)
            {
                continue;
            }

            var frequency = visible.Frequency(fuzzy);
            if (frequency > 0 && (distance < bestDistance || frequency > bestFrequency))
            {
                (best, bestDistance, bestFrequency) = (suggestion, distance, frequency);
            }
        }

        return best;
    }

    /// <summary>Optimal string alignment distance (a swap of two letters counts as one edit).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
