using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using TeamWiki.Search;
using TeamWiki.Search.Analysis;
using TeamWiki.Search.Query;
using LuceneQuery = Lucene.Net.Search.Query;

namespace TeamWiki.Bench;

/// <summary>
/// The least Lucene can do for the same results page, as the baseline of the search benchmarks: a
/// query built straight from the analysers with TeamWiki's semantics (each word an OR of its analysed
/// terms over title ×2, headings ×1.5, body, parts ×0.1 and the English fields; words ANDed; stop
/// words left out) on its own reader of the same index folder, with BM25. What it leaves out is what
/// TeamWiki adds: parsing the query text, the known-word check with its fuzzy fallback and spelling
/// suggestion, filters, and facet counts over all hits. <see cref="WithSnippets"/> also does the same
/// snippet work as TeamWiki (stored fields and <c>SnippetMaker</c> for each of the top hits).
/// </summary>
public sealed class RawLucene : IDisposable
{
    private static readonly (string Field, bool English, float Boost)[] Fields =
    [
        (SearchFields.Title, false, 2f),
        (SearchFields.Headings, false, 1.5f),
        (SearchFields.Body, false, 1f),
        (SearchFields.Parts, false, 0.1f),
        (SearchFields.TitleEnglish, true, 2f),
        (SearchFields.BodyEnglish, true, 1f),
    ];

    private readonly FSDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly WikiAnalyzers _analyzers;
    private readonly SnippetMaker _snippets;

    /// <summary>Opens a reader on the index in <paramref name="indexFolder"/> (it may be open for writing elsewhere).</summary>
    public RawLucene(string indexFolder, WikiAnalyzers analyzers)
    {
        _analyzers = analyzers;
        _snippets = new SnippetMaker(analyzers);
        _directory = FSDirectory.Open(indexFolder);
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public int Documents => _reader.NumDocs;

    /// <summary>The query for plain words, as TeamWiki builds it for a query without operators.</summary>
    public LuceneQuery Build(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var all = new BooleanQuery(disableCoord: true);
        foreach (var word in words)
        {
            if (QueryBuilder.Analyze(_analyzers.Dutch, SearchFields.Body, word).Count == 0 || QueryBuilder.Analyze(_analyzers.English, SearchFields.BodyEnglish, word).Count == 0)
            {
                continue;
            }

            var any = new BooleanQuery(disableCoord: true);
            foreach (var (field, english, boost) in Fields)
            {
                foreach (var term in QueryBuilder.Analyze(english ? _analyzers.English : _analyzers.Dutch, field, word).SelectMany(p => p).Distinct())
                {
                    any.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
                }
            }

            all.Add(any, Occur.MUST);
        }

        if (all.Clauses.Count > 0)
        {
            return all;
        }

        // Only stop words: TeamWiki searches them as written.
        foreach (var term in words.SelectMany(w => QueryBuilder.Analyze(_analyzers.Words, SearchFields.Words, w).SelectMany(p => p)).Distinct())
        {
            all.Add(new TermQuery(new Term(SearchFields.Words, term)), Occur.MUST);
        }

        return all;
    }

    /// <summary>
    /// The query TeamWiki itself builds for <paramref name="text"/> (its <c>QueryBuilder</c>, ranking tiers
    /// included), without what a search adds around it: the known-word check with its fuzzy fallback, the
    /// readable-spaces filter, facets. For a signed-in administrator and words the index knows, this query
    /// produces the same results page as <c>GET /api/search</c>.
    /// </summary>
    public LuceneQuery BuildRanked(string text)
    {
        var parsed = QueryText.Parse(text);
        var builder = new QueryBuilder(_analyzers);
        return builder.Words(parsed, prefixOpenWord: false) ?? builder.AsWritten(parsed) ?? new BooleanQuery();
    }

    /// <summary>The bare query: the top hits and their stored paths.</summary>
    public IReadOnlyList<string> Bare(LuceneQuery query, int top = 10) =>
        _searcher.Search(query, top).ScoreDocs.Select(d => _searcher.Doc(d.Doc).Get(SearchFields.Path)).ToList();

    /// <summary>The query plus what a results page shows of each top hit: its stored fields and TeamWiki's snippet.</summary>
    public IReadOnlyList<(string Path, string Title, string Snippet)> WithSnippets(LuceneQuery query, string text, int top = 10)
    {
        var terms = _snippets.TermsFor(text.Split(' ', StringSplitOptions.RemoveEmptyEntries), prefix: null);
        return _searcher.Search(query, top).ScoreDocs.Select(d =>
        {
            var doc = _searcher.Doc(d.Doc);
            var english = doc.Get(SearchFields.Language) == "en";
            var body = doc.Get(english ? SearchFields.BodyEnglish : SearchFields.Body) ?? "";
            return (doc.Get(SearchFields.Path), doc.Get(SearchFields.TitleStored), _snippets.Make(terms, body, english));
        }).ToList();
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
