using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using TeamWiki.Search.Analysis;
using LuceneQuery = Lucene.Net.Search.Query;

namespace TeamWiki.Search.Query;

/// <summary>Runs searches and title suggestions on one index searcher.</summary>
internal sealed class SearchExecutor(WikiAnalyzers analyzers)
{
    // A compound part counts: "korf" inside "stuifmeelkorf" is a word the index knows, not a typo of "kort".
    private static readonly string[] KnownFields = [SearchFields.Title, SearchFields.Body, SearchFields.Parts, SearchFields.TitleEnglish, SearchFields.BodyEnglish];

    // The stored fields a hit shows; the others (id, author) are not decoded.
    private static readonly HashSet<string> HitFields =
    [
        SearchFields.Kind, SearchFields.Path, SearchFields.TitleStored, SearchFields.Space, SearchFields.Language,
        SearchFields.Body, SearchFields.BodyEnglish, SearchFields.Tags, SearchFields.Updated,
    ];

    private readonly QueryBuilder _filters = new(analyzers);
    private readonly SnippetMaker _snippets = new(analyzers);
    private SearcherMemo? _memo;

    public SearchResults Search(IndexSearcher searcher, SearchRequest request)
    {
        var watch = Stopwatch.StartNew();
        var text = QueryText.Parse(request.Query);
        var notices = text.Notices.ToList();
        var unknown = new List<string>();
        // What the reader may see decides which words are known and what may be suggested.
        var memo = MemoFor(searcher);
        var visible = memo.Visible(request.VisibleSpaces);
        var builder = new QueryBuilder(analyzers, word => IsKnown(visible, word), unknown);
        var words = builder.Words(text, request.PrefixLastWord);
        if (words is null && text.Parts.Any(p => !p.Negated))
        {
            words = builder.AsWritten(text);
            notices.Add(QueryNotice.OnlyCommonWords);
        }

        var filters = builder.Filters(text, request);
        if (words is null && filters is null)
        {
            return SearchResults.Empty(notices) with { TookMs = watch.Elapsed.TotalMilliseconds };
        }

        var query = SharedTermStates.Apply(Combine(words, filters), memo);
        var limit = Math.Clamp(request.Limit, 1, SearchRequest.MaxLimit);
        var offset = Math.Clamp(request.Offset, 0, SearchRequest.MaxOffset);
        var byDate = string.Equals(request.Sort, "date", StringComparison.OrdinalIgnoreCase);
        var (total, top, facets) = Run(searcher, query, offset + limit, byDate);
        if (unknown.Count > 0)
        {
            notices.Add(QueryNotice.Fuzzy);
        }

        var suggestion = unknown.Count > 0 ? Suggestion(searcher.IndexReader, visible, request.Query, unknown) : null;
        var marked = text.Parts.Where(p => !p.Negated && !ReferenceEquals(p, request.PrefixLastWord ? text.OpenWord : null)).Select(p => p.Text)
            .Concat(suggestion is null ? [] : [suggestion]);
        var snippetTerms = _snippets.TermsFor(marked, request.PrefixLastWord ? text.OpenWord?.Text : null);
        var hits = top.Skip(offset).Take(limit).Select(sd => Hit(searcher, sd, snippetTerms)).ToList();
        return new SearchResults(total, hits, facets, suggestion, notices, watch.Elapsed.TotalMilliseconds);
    }

    public IReadOnlyList<SearchSuggestion> Suggest(IndexSearcher searcher, string prefix, int max, IReadOnlyCollection<string>? visibleSpaces)
    {
        var text = QueryText.Parse(prefix);
        var query = new BooleanQuery(disableCoord: true);
        var words = new List<string>();
        foreach (var part in text.Parts.Where(p => !p.Negated))
        {
            foreach (var written in QueryBuilder.Analyze(analyzers.Words, SearchFields.TitleWords, part.Text).Select(p => p[^1]))
            {
                query.Add(new PrefixQuery(new Term(SearchFields.TitleWords, written)), Occur.MUST);
                words.Add(written);
            }
        }

        if (query.Clauses.Count == 0)
        {
            return [];
        }

        // Every title with a word starting so matches; a title that itself starts so comes first.
        query.Add(SuggestionOrder.TitleStartsWith(words), Occur.SHOULD);

        if (_filters.Filters(text, new SearchRequest("", VisibleSpaces: visibleSpaces)) is { } filters)
        {
            query.Add(filters, Occur.MUST);
        }

        return searcher.Search(query, Math.Clamp(max, 1, 50)).ScoreDocs
            .Select(sd => searcher.Doc(sd.Doc))
            .Select(d => new SearchSuggestion(d.Get(SearchFields.Kind), d.Get(SearchFields.Path), d.Get(SearchFields.TitleStored), d.Get(SearchFields.Space)))
            .ToList();
    }

    /// <summary>The memo of this searcher's generation: a refreshed searcher starts a new one.</summary>
    private SearcherMemo MemoFor(IndexSearcher searcher)
    {
        var memo = Volatile.Read(ref _memo);
        if (memo is null || memo.Top != searcher.TopReaderContext)
        {
            memo = new SearcherMemo(searcher);
            Volatile.Write(ref _memo, memo);
        }

        return memo;
    }

    /// <summary>
    /// True when some form of the word occurs in a title or body the reader may see, as a word or as a
    /// compound part: such a word is never "corrected" (no fuzzy expansion, no suggestion).
    /// </summary>
    private bool IsKnown(VisibleDocs visible, string word)
    {
        foreach (var field in KnownFields)
        {
            var analyzer = field is SearchFields.TitleEnglish or SearchFields.BodyEnglish ? analyzers.English : analyzers.Dutch;
            foreach (var term in QueryBuilder.Analyze(analyzer, field, word).SelectMany(p => p))
            {
                if (visible.Contains(field, term))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string? Suggestion(IndexReader reader, VisibleDocs visible, string original, IEnumerable<string> unknown)
    {
        var corrected = original;
        var changed = false;
        foreach (var word in unknown)
        {
            if (SpellingSuggester.Suggest(reader, word, visible) is { } better)
            {
                var at = corrected.IndexOf(word, StringComparison.OrdinalIgnoreCase);
                if (at >= 0)
                {
                    corrected = corrected[..at] + better + corrected[(at + word.Length)..];
                    changed = true;
                }
            }
        }

        return changed ? corrected.Trim() : null;
    }

    private static LuceneQuery Combine(LuceneQuery? words, LuceneQuery? filters)
    {
        if (filters is null)
        {
            return words!;
        }

        var combined = new BooleanQuery(disableCoord: true) { { filters, Occur.MUST } };
        if (words is not null)
        {
            combined.Add(words, Occur.MUST);
        }

        return combined;
    }

    private static (int Total, ScoreDoc[] Top, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets) Run(
        IndexSearcher searcher, LuceneQuery query, int count, bool byDate)
    {
        ITopDocsCollector top = byDate
            ? TopFieldCollector.Create(new Sort(new SortField(SearchFields.UpdatedSort, SortFieldType.INT64, reverse: true), SortField.FIELD_SCORE),
                count, fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false)
            : TopScoreDocCollector.Create(count, docsScoredInOrder: false);
        var facets = new FacetCounter();
        searcher.Search(query, MultiCollector.Wrap((ICollector)top, facets));
        facets.Flush();
        var docs = top.GetTopDocs();
        return (docs.TotalHits, docs.ScoreDocs, new Dictionary<string, IReadOnlyDictionary<string, int>>
        {
            ["space"] = facets.Spaces,
            ["tag"] = facets.Tags,
        });
    }

    private SearchHit Hit(IndexSearcher searcher, ScoreDoc scoreDoc, SnippetTerms terms)
    {
        var doc = searcher.Doc(scoreDoc.Doc, HitFields);
        var english = doc.Get(SearchFields.Language) == "en";
        var body = doc.Get(english ? SearchFields.BodyEnglish : SearchFields.Body) ?? "";
        return new SearchHit(
            doc.Get(SearchFields.Kind),
            doc.Get(SearchFields.Path),
            doc.Get(SearchFields.TitleStored),
            doc.Get(SearchFields.Space),
            _snippets.Make(terms, body, english),
            float.IsNaN(scoreDoc.Score) ? 0 : scoreDoc.Score,
            doc.GetValues(SearchFields.Tags),
            DateTimeOffset.FromUnixTimeMilliseconds(doc.GetField(SearchFields.Updated)?.GetInt64Value() ?? 0));
    }
}
