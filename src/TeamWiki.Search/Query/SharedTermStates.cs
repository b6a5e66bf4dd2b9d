using Lucene.Net.Index;
using Lucene.Net.Search;
using LuceneQuery = Lucene.Net.Search.Query;

namespace TeamWiki.Search.Query;

/// <summary>
/// A query with each of its term clauses given the term's looked-up place in the index
/// (<see cref="SearcherMemo.TermStates"/>), so that Lucene does not seek the same term in every segment
/// once per clause that names it. The query is copied, never changed; the copy matches and scores exactly
/// as the original (a term's statistics come from the same lookup either way). Clauses of other kinds
/// (phrases, fuzzy and prefix expansions, match-all) are kept as they are.
/// </summary>
internal static class SharedTermStates
{
    public static LuceneQuery Apply(LuceneQuery query, SearcherMemo memo) => query switch
    {
        TermQuery term => new TermQuery(term.Term, memo.TermStates(term.Term)) { Boost = term.Boost },
        BooleanQuery boolean => Copy(boolean, memo),
        ConstantScoreQuery { Query: { } inner } constant => new ConstantScoreQuery(Apply(inner, memo)) { Boost = constant.Boost },
        _ => query,
    };

    private static BooleanQuery Copy(BooleanQuery boolean, SearcherMemo memo)
    {
        var copy = new BooleanQuery(boolean.CoordDisabled)
        {
            Boost = boolean.Boost,
            MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch,
        };
        foreach (var clause in boolean.Clauses)
        {
            copy.Add(Apply(clause.Query, memo), clause.Occur);
        }

        return copy;
    }
}
