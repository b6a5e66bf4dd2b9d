using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace TeamWiki.Search.Query;

/// <summary>
/// What every search on one searcher (one generation of the index) may share: the term lookups of the
/// query's terms (<see cref="TermContext"/>: where each term sits in each segment) and the reader's
/// visible documents per set of readable spaces. A search used to look the same term up in every segment
/// three to four times (its scoring clause, its tier clauses, "is this word known?") and to build the
/// visible set anew; both were about half of a search's time. Nothing here outlives its searcher: a
/// refresh after a change makes a new memo, so no answer can come from an older index.
/// </summary>
internal sealed class SearcherMemo(IndexSearcher searcher)
{
    // Bounds, not tuning: a memo that grew past them is dropped and refilled by the next searches.
    private const int MaxTerms = 100_000;
    private const int MaxAudiences = 256;

    private readonly ConcurrentDictionary<Term, TermContext> _terms = new();
    private readonly ConcurrentDictionary<string, VisibleDocs> _visible = new(StringComparer.Ordinal);
    private readonly VisibleDocs _everything = new(searcher.IndexReader, null);
    private int _termCount;
    private int _visibleCount;

    /// <summary>The reader this memo belongs to; a searcher on another reader needs another memo.</summary>
    public IndexReaderContext Top { get; } = searcher.TopReaderContext;

    /// <summary>The term's place in every segment, looked up once per generation.</summary>
    public TermContext TermStates(Term term)
    {
        if (_terms.TryGetValue(term, out var known))
        {
            return known;
        }

        // ConcurrentDictionary.Count takes every lock: keep an approximate count of our own.
        if (Interlocked.Increment(ref _termCount) > MaxTerms)
        {
            _terms.Clear();
            Interlocked.Exchange(ref _termCount, 0);
        }

        return _terms.GetOrAdd(term, t => TermContext.Build(Top, t));
    }

    /// <summary>The documents of <paramref name="spaces"/> (null: every live one), built once per set.</summary>
    public VisibleDocs Visible(IReadOnlyCollection<string>? spaces)
    {
        if (spaces is null)
        {
            return _everything;
        }

        var key = string.Join('\n', spaces.Order(StringComparer.Ordinal));
        if (_visible.TryGetValue(key, out var known))
        {
            return known;
        }

        if (Interlocked.Increment(ref _visibleCount) > MaxAudiences)
        {
            _visible.Clear();
            Interlocked.Exchange(ref _visibleCount, 0);
        }

        return _visible.GetOrAdd(key, _ => new VisibleDocs(searcher.IndexReader, spaces.ToArray()));
    }
}
