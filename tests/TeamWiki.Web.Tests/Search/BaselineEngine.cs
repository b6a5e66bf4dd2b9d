using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using TeamWiki.Search;

namespace TeamWiki.Web.Tests.Search;

/// <summary>
/// What other wikis do, for comparison on the same pages and queries: title (×2) and body with one
/// stock analyser, all words required, no compounds, no dictionary forms, no typo tolerance.
/// </summary>
public sealed class BaselineEngine : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly RAMDirectory _directory = new();
    private readonly Analyzer _analyzer;
    private readonly DirectoryReader _reader;

    public BaselineEngine(string name, Analyzer analyzer, IEnumerable<SearchDocument> documents)
    {
        Name = name;
        _analyzer = analyzer;
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, analyzer)))
        {
            foreach (var d in documents)
            {
                writer.AddDocument(new Document
                {
                    new StringField("path", d.Path, Field.Store.YES),
                    new StringField("space", d.Space, Field.Store.NO),
                    new TextField("title", d.Title, Field.Store.NO),
                    new TextField("body", d.Body, Field.Store.NO),
                });
                foreach (var tag in d.Tags)
                {
                    writer.AddDocument(new Document { new StringField("tagdoc", d.Path, Field.Store.NO) });
                }
            }
        }

        _reader = DirectoryReader.Open(_directory);
    }

    public string Name { get; }

    /// <summary>"Whole words": lower case only, like grep -iw.</summary>
    public static Analyzer WholeWords() => new SimpleWordsAnalyzer();

    /// <summary>Lucene's DutchAnalyzer: stop words and Snowball stemming, close to PostgreSQL's 'dutch'.</summary>
    public static Analyzer Dutch() => new DutchAnalyzer(Version);

    public IReadOnlyList<string> Search(Judgement q, IReadOnlySet<string>? allowed)
    {
        var parser = new MultiFieldQueryParser(Version, ["title", "body"], _analyzer, new Dictionary<string, float> { ["title"] = 2f, ["body"] = 1f })
        {
            DefaultOperator = Operator.AND,
        };
        Query query;
        try
        {
            var words = InlineFilters.Parse(q.Query).Words.Replace("\"", " ");
            query = parser.Parse(QueryParserBase.Escape(words).Trim() is { Length: > 0 } t ? t : "*");
        }
        catch (ParseException)
        {
            return [];
        }

        var searcher = new IndexSearcher(_reader);
        return searcher.Search(query, 200).ScoreDocs.Select(d => searcher.Doc(d.Doc).Get("path"))
            .Where(p => allowed is null || allowed.Contains(p)).Take(10).ToList();
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    private sealed class SimpleWordsAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new Lucene.Net.Analysis.Standard.StandardTokenizer(Version, reader);
            return new TokenStreamComponents(source, new LowerCaseFilter(Version, source));
        }
    }
}
