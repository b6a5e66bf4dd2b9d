using Lucene.Net.Search;
using LuceneQuery = Lucene.Net.Search.Query;

namespace TeamWiki.Search.Query;

/// <summary>
/// One query word (or phrase, or OR-group) in parts: <see cref="Scoring"/> is what BM25 scores (every field
/// with its weight, fuzzy and prefix expansions); the others match the pages that have the word in some way,
/// each a looser way than the one before: <see cref="Exact"/> the word as written (accents folded);
/// <see cref="Lemma"/> the word or a form of the same dictionary form; <see cref="Whole"/> a word that only
/// shares its stem; <see cref="Match"/> any of these or a compound part (or, while typing, a word's start).
/// They decide the page's tier (<see cref="RankTiers"/>), never its order within one.
/// </summary>
internal readonly record struct WordQuery(LuceneQuery Scoring, LuceneQuery? Exact, LuceneQuery? Lemma, LuceneQuery? Whole, LuceneQuery? Match, LuceneQuery? Part = null)
{
    /// <summary>A phrase: it is its own exact match.</summary>
    public static WordQuery Phrase(LuceneQuery phrase) => new(phrase, phrase, phrase, phrase, phrase, phrase);

    /// <summary>Alternatives ("vpn OR wifi"): any of them.</summary>
    public static WordQuery AnyOf(IReadOnlyList<WordQuery> words) =>
        new(Combine(words.Select(w => w.Scoring), Occur.SHOULD)!,
            Combine(words.Select(w => w.Exact), Occur.SHOULD),
            Combine(words.Select(w => w.Lemma), Occur.SHOULD),
            Combine(words.Select(w => w.Whole), Occur.SHOULD),
            Combine(words.Select(w => w.Match), Occur.SHOULD),
            Combine(words.Select(w => w.Part), Occur.SHOULD));

    /// <summary>Pieces of one written word ("e-mail"): all of them.</summary>
    public static WordQuery AllOf(IReadOnlyList<WordQuery> pieces) =>
        new(Combine(pieces.Select(w => w.Scoring), Occur.MUST)!,
            All(pieces, p => p.Exact),
            All(pieces, p => p.Lemma),
            All(pieces, p => p.Whole),
            All(pieces, p => p.Match),
            All(pieces, p => p.Part));

    private static LuceneQuery? All(IReadOnlyList<WordQuery> pieces, Func<WordQuery, LuceneQuery?> part) =>
        pieces.Any(p => part(p) is null) ? null : Combine(pieces.Select(part), Occur.MUST);

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
