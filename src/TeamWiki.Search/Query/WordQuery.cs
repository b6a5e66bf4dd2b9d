using Lucene.Net.Search;
using LuceneQuery = Lucene.Net.Search.Query;

namespace TeamWiki.Search.Query;

/// <summary>
/// One query word (or phrase, or OR-group) in three parts: <see cref="Scoring"/> is what BM25 scores (every
/// field with its weight, fuzzy and prefix expansions); <see cref="Whole"/> matches the pages that have the
/// word itself or one of its forms; <see cref="Match"/> those that have it whole or as a compound part (or,
/// while typing, as a word's start). The last two decide the page's tier, never its order within one.
/// </summary>
internal readonly record struct WordQuery(LuceneQuery Scoring, LuceneQuery? Whole, LuceneQuery? Match)
{
    /// <summary>Alternatives ("vpn OR wifi"): any of them.</summary>
    public static WordQuery AnyOf(IReadOnlyList<WordQuery> words) =>
        new(Combine(words.Select(w => w.Scoring), Occur.SHOULD)!, Combine(words.Select(w => w.Whole), Occur.SHOULD), Combine(words.Select(w => w.Match), Occur.SHOULD));

    /// <summary>Pieces of one written word ("e-mail"): all of them.</summary>
    public static WordQuery AllOf(IReadOnlyList<WordQuery> pieces) =>
        new(Combine(pieces.Select(w => w.Scoring), Occur.MUST)!,
            pieces.Any(p => p.Whole is null) ? null : Combine(pieces.Select(w => w.Whole), Occur.MUST),
            pieces.Any(p => p.Match is null) ? null : Combine(pieces.Select(w => w.Match), Occur.MUST));

    private static LuceneQuery? Combine(IEnumerable<LuceneQuery?> queries, Occur occur)
    {
        var list = queries.Where(q => q is not null).ToList();
        if (list.Count <= 1)
        {
            return list.FirstOrDefault();
        }

        var combined = new BooleanQuery(disableCoord: true);
        foreach (var q in list)
        {
            combined.Add(q, occur);
        }

        return combined;
    }
}
