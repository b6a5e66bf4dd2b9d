using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TeamWiki.Search.Analysis;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace TeamWiki.Search;

/// <summary>
/// The Lucene index: one <see cref="IndexWriter"/> and one <see cref="SearcherManager"/> for the life of
/// the process. A missing or unreadable index is recreated empty (and reported through
/// <see cref="WasRecreated"/>) so the caller rebuilds it from git: nothing in it is primary data.
/// </summary>
public sealed partial class WikiSearchIndex : ISearchIndex, IDisposable
{
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly WikiAnalyzers _analyzers;
    private readonly ILogger _logger;
    private readonly System.Threading.Lock _writeGate = new();
    private volatile string? _indexedCommit;

    /// <summary>Opens (or creates) the index in <paramref name="path"/>.</summary>
    public WikiSearchIndex(string path, WikiAnalyzers analyzers, ILogger<WikiSearchIndex>? logger = null)
    {
        _analyzers = analyzers;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        System.IO.Directory.CreateDirectory(path);
        try
        {
            _directory = FSDirectory.Open(path);
            _writer = OpenWriter(_directory);
        }
        catch (Exception ex) when (ex is not LockObtainFailedException)
        {
            _logger.LogWarning(ex, "The search index at {Path} is unreadable; recreating it", path);
            _directory?.Dispose();
            System.IO.Directory.Delete(path, recursive: true);
            System.IO.Directory.CreateDirectory(path);
            _directory = FSDirectory.Open(path);
            _writer = OpenWriter(_directory);
            WasRecreated = true;
        }

        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new SimilaritySearcherFactory());
        _indexedCommit = _writer.CommitData.TryGetValue(SearchFields.SourceCommit, out var commit) ? commit : null;
    }

    /// <summary>True when the index had to be recreated at start (it was corrupt or unreadable).</summary>
    public bool WasRecreated { get; }

    /// <inheritdoc />
    public string? IndexedCommit => _indexedCommit;

    /// <inheritdoc />
    public int Count
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    /// <inheritdoc />
    public void Apply(IEnumerable<SearchDocument> upserts, IEnumerable<string> deletes, string? sourceCommit)
    {
        lock (_writeGate)
        {
            foreach (var id in deletes)
            {
                _writer.DeleteDocuments(new Term(SearchFields.Id, id));
            }

            foreach (var doc in upserts)
            {
                _writer.UpdateDocument(new Term(SearchFields.Id, doc.Id), ToLucene(doc));
            }

            if (sourceCommit is not null)
            {
                _writer.SetCommitData(new Dictionary<string, string> { [SearchFields.SourceCommit] = sourceCommit });
            }

            _writer.Commit();
            _indexedCommit = sourceCommit ?? _indexedCommit;
        }

        _searchers.MaybeRefreshBlocking();
    }

    /// <inheritdoc />
    public void Clear()
    {
        lock (_writeGate)
        {
            _writer.DeleteAll();
            _writer.SetCommitData(new Dictionary<string, string>());
            _writer.Commit();
            _indexedCommit = null;
        }

        _searchers.MaybeRefreshBlocking();
    }

    /// <inheritdoc />
    public bool IsHealthy()
    {
        try
        {
            return Count >= 0 && !_writer.IsClosed;
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "The search index is not usable");
            return false;
        }
    }

    private IndexWriter OpenWriter(LuceneDirectory directory) =>
        new(directory, new IndexWriterConfig(WikiAnalyzers.Version, _analyzers.Index)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(),
        });

    private static Document ToLucene(SearchDocument d)
    {
        var english = d.Language == "en";
        var doc = new Document
        {
            new StringField(SearchFields.Id, d.Id, Field.Store.YES),
            new StringField(SearchFields.Kind, d.Kind, Field.Store.YES),
            new StringField(SearchFields.Path, d.Path, Field.Store.YES),
            new StringField(SearchFields.Space, d.Space, Field.Store.YES),
            new StringField(SearchFields.Language, d.Language, Field.Store.YES),
            new StoredField("title_stored", d.Title),
            new TextField(english ? SearchFields.Title + "_en" : SearchFields.Title, d.Title, Field.Store.NO),
            new TextField(SearchFields.Headings, string.Join("\n", d.Headings), Field.Store.NO),
            new TextField(english ? SearchFields.Body + "_en" : SearchFields.Body, d.Body, Field.Store.NO),
            new StoredField("body_stored", d.Body),
            new StringField(SearchFields.Author, d.Author.ToLowerInvariant(), Field.Store.YES),
            new Int64Field(SearchFields.Updated, d.Updated.ToUnixTimeMilliseconds(), Field.Store.YES),
            new NumericDocValuesField(SearchFields.Updated + "_dv", d.Updated.ToUnixTimeMilliseconds()),
        };
        foreach (var tag in d.Tags)
        {
            doc.Add(new StringField(SearchFields.Tags, tag, Field.Store.YES));
        }

        return doc;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }

    private sealed class SimilaritySearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
