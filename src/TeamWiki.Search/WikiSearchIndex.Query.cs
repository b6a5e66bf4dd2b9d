using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace TeamWiki.Search;

public sealed partial class WikiSearchIndex
{
    private static readonly string[] QueryFields = [SearchFields.Title, SearchFields.Headings, SearchFields.Body, SearchFields.Title + "_en", SearchFields.Body + "_en"];

    /// <inheritdoc />
    public SearchResults Search(SearchRequest request)
    {
        var text = request.Query.Trim();
        if (text.Length == 0)
        {
            return SearchResults.Empty();
        }

        var parser = new MultiFieldQueryParser(Analysis.WikiAnalyzers.Version, QueryFields, _analyzers.Dutch,
            new Dictionary<string, float> { [SearchFields.Title] = 2f, [SearchFields.Title + "_en"] = 2f, [SearchFields.Headings] = 1.5f })
        {
            DefaultOperator = Operator.AND,
        };
        Query query;
        try
        {
            query = parser.Parse(text.Length > 500 ? text[..500] : text);
        }
        catch (ParseException)
        {
            query = parser.Parse(QueryParserBase.Escape(text.Length > 500 ? text[..500] : text));
        }

        var filtered = new BooleanQuery { { query, Occur.MUST } };
        if (request.Space is { Length: > 0 } space)
        {
            filtered.Add(new TermQuery(new Term(SearchFields.Space, space)) { Boost = 0 }, Occur.MUST);
        }

        if (request.Tag is { Length: > 0 } tag)
        {
            filtered.Add(new TermQuery(new Term(SearchFields.Tags, tag.ToLowerInvariant())) { Boost = 0 }, Occur.MUST);
        }

        var searcher = _searchers.Acquire();
        try
        {
            var top = searcher.Search(filtered, Math.Max(1, request.Offset + request.Limit));
            var scorer = new QueryScorer(query, "body");
            var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), scorer)
            {
                TextFragmenter = new SimpleSpanFragmenter(scorer, 160),
            };
            var hits = top.ScoreDocs.Skip(request.Offset).Take(request.Limit).Select(sd =>
            {
                var doc = searcher.Doc(sd.Doc);
                var body = doc.Get("body_stored") ?? "";
                var snippet = highlighter.GetBestFragment(_analyzers.Dutch, "body", body) ?? System.Net.WebUtility.HtmlEncode(body.Length > 160 ? body[..160] : body);
                return new SearchHit(doc.Get(SearchFields.Kind), doc.Get(SearchFields.Path), doc.Get("title_stored"), doc.Get(SearchFields.Space),
                    snippet, sd.Score, doc.GetValues(SearchFields.Tags), DateTimeOffset.FromUnixTimeMilliseconds(doc.GetField(SearchFields.Updated).GetInt64Value() ?? 0));
            }).ToList();
            return new SearchResults(top.TotalHits, hits, new Dictionary<string, IReadOnlyDictionary<string, int>>(), null);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<SearchSuggestion> Suggest(string prefix, int max = 10)
    {
        var words = prefix.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return [];
        }

        var query = new BooleanQuery();
        foreach (var word in words)
        {
            query.Add(new PrefixQuery(new Term(SearchFields.Title, word)), Occur.MUST);
        }

        var searcher = _searchers.Acquire();
        try
        {
            return searcher.Search(query, max).ScoreDocs.Select(sd => searcher.Doc(sd.Doc))
                .Select(d => new SearchSuggestion(d.Get(SearchFields.Kind), d.Get(SearchFields.Path), d.Get("title_stored"), d.Get(SearchFields.Space)))
                .ToList();
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }
}
