using System.Collections.Concurrent;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TeamWiki.Search.Analysis;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace TeamWiki.Search;

/// <summary>
/// The Lucene index: one <see cref="IndexWriter"/> and one <see cref="SearcherManager"/> for the life of
/// the process. A missing or unreadable index is recreated empty and an index of another schema is
/// reported through <see cref="NeedsRebuild"/>, so the caller rebuilds it from git: nothing in it is
/// primary data.
/// <para>
/// Changes that follow git (<see cref="Apply"/> with a source commit) are searchable at once (a near-real-time
/// reader) but made durable in one Lucene commit at most <see cref="DurableCommitDelay"/> later, together with
/// the commit they came from: a save then costs no fsync of index files, and after a crash the index reopens
/// at an older source commit and the feeder indexes the changes since again. Records that no git commit
/// can bring back (posts, comments, people) are committed before <see cref="Apply"/> returns.
/// </para>
/// </summary>
public sealed class WikiSearchIndex : ISearchIndex, IDisposable
{
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly WikiAnalyzers _analyzers;
    private readonly Query.SearchExecutor _executor;
    private readonly ILogger _logger;
    private readonly System.Threading.Lock _writeGate = new();
    private readonly Timer _durableCommit;
    private volatile string? _indexedCommit;
    private readonly TimeSpan _commitDelay;
    private TimeSpan _retryDelay;
    private bool _commitPending;
    private bool _closing;
    private bool _disposed;

    static WikiSearchIndex() => Codecs.WikiCodec.Register();

    /// <summary>
    /// Opens (or creates) the index in <paramref name="path"/>; changes that follow git are made durable
    /// <paramref name="durableCommitDelay"/> (default <see cref="DurableCommitDelay"/>) after the first of them.
    /// </summary>
    public WikiSearchIndex(string path, WikiAnalyzers analyzers, ILogger<WikiSearchIndex>? logger = null, TimeSpan? durableCommitDelay = null)
    {
        _commitDelay = _retryDelay = durableCommitDelay ?? DurableCommitDelay;
        _analyzers = analyzers;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        System.IO.Directory.CreateDirectory(path);
        try
        {
            _directory = OpenDirectory(path);
            _writer = OpenWriter(_directory);
        }
        catch (Exception ex) when (ex is not LockObtainFailedException)
        {
            _logger.LogWarning(ex, "The search index at {Path} is unreadable; recreating it", path);
            _directory?.Dispose();
            System.IO.Directory.Delete(path, recursive: true);
            System.IO.Directory.CreateDirectory(path);
            _directory = OpenDirectory(path);
            _writer = OpenWriter(_directory);
            WasRecreated = true;
        }

        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25SearcherFactory());
        var data = _writer.CommitData;
        NeedsRebuild = WasRecreated || !data.TryGetValue(SearchFields.Schema, out var schema) || schema != SearchFields.SchemaVersion;
        _indexedCommit = !NeedsRebuild && data.TryGetValue(SearchFields.SourceCommit, out var commit) ? commit : null;
        _executor = new Query.SearchExecutor(analyzers);
        _durableCommit = new Timer(_ => OnDurableCommitDue(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>How long a change that follows git may stay searchable but not yet durable, by default.</summary>
    public static TimeSpan DurableCommitDelay { get; } = TimeSpan.FromSeconds(2);

    /// <summary>True when the index had to be recreated at start (it was corrupt or unreadable).</summary>
    public bool WasRecreated { get; }

    /// <summary>True when the index is empty, was recreated, or was built with other analysis.</summary>
    public bool NeedsRebuild { get; private set; }

    /// <inheritdoc />
    public string? IndexedCommit => _indexedCommit;

    /// <inheritdoc />
    public int Count => WithSearcher(s => s.IndexReader.NumDocs);

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
                _writer.SetCommitData(new Dictionary<string, string>
                {
                    [SearchFields.SourceCommit] = sourceCommit,
                    [SearchFields.Schema] = SearchFields.SchemaVersion,
                });
                NeedsRebuild = false;
                _indexedCommit = sourceCommit;
                ScheduleCommit();
            }
            else
            {
                CommitNow();
            }
        }

        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>Makes every change applied so far durable now (tests, shutdown).</summary>
    public void CommitPending()
    {
        lock (_writeGate)
        {
            if (!_commitPending || _disposed)
            {
                return;
            }

            CommitNow();
        }
    }

    // A timer callback must not throw (it would end the process): the changes stay searchable, the next tick
    // tries again, and a restart catches up from git in any case.
    private void OnDurableCommitDue()
    {
        try
        {
            CommitPending();
        }
        catch (Exception ex)
        {
            lock (_writeGate)
            {
                if (_writer.IsClosed)
                {
                    // A writer closed by a fatal error stays closed: /health reports the index, a restart rebuilds it.
                    _logger.LogError(ex, "The search index writer is closed; changes since its last commit are searchable only until a restart");
                    return;
                }

                // A full disk may take a while: wait twice as long each time, up to a minute.
                _retryDelay = TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
                _logger.LogWarning(ex, "Could not make the search index durable; trying again in {Seconds} s", _retryDelay.TotalSeconds);
                ScheduleCommit(_retryDelay);
            }
        }
    }

    // Under _writeGate: the first change after a commit sets the timer; a retry sets it again with its own delay.
    private void ScheduleCommit(TimeSpan? retry = null)
    {
        if (_commitPending && retry is null)
        {
            return;
        }

        _commitPending = true;
        if (!_closing)
        {
            // Once closing, the timer is gone; Dispose commits what is pending.
            _durableCommit.Change(retry ?? _commitDelay, Timeout.InfiniteTimeSpan);
        }
    }

    // Under _writeGate: everything applied so far, with the source commit set last.
    private void CommitNow()
    {
        _writer.Commit();
        _commitPending = false;
        _retryDelay = _commitDelay;
    }

    /// <summary>
    /// Replaces every record of one <paramref name="kind"/> with <paramref name="docs"/> in one commit (a
    /// small set kept whole, such as people: records whose id changed or that went away are dropped too).
    /// The recorded source commit is kept.
    /// </summary>
    public void ReplaceKind(string kind, IEnumerable<SearchDocument> docs)
    {
        lock (_writeGate)
        {
            _writer.DeleteDocuments(new Term(SearchFields.Kind, kind));
            foreach (var doc in docs.Where(d => d.Kind == kind))
            {
                _writer.AddDocument(ToLucene(doc));
            }

            CommitNow();
        }

        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>
    /// Replaces the whole index (a rebuild): <paramref name="map"/> turns each item into a document on
    /// all cores at once, and everything is committed once at the end with <paramref name="sourceCommit"/>.
    /// Until then searches see the old index; a crash half-way leaves the old index as it was.
    /// </summary>
    public int Replace<T>(IReadOnlyList<T> items, Func<T, SearchDocument?> map, string sourceCommit, Action<int>? progress = null)
    {
        var count = 0;
        lock (_writeGate)
        {
            _writer.DeleteAll();
            Parallel.ForEach(Partitioner.Create(0, items.Count, 256), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    if (map(items[i]) is { } doc)
                    {
                        _writer.AddDocument(ToLucene(doc));
                    }

                    var done = Interlocked.Increment(ref count);
                    if (done % 5000 == 0)
                    {
                        progress?.Invoke(done);
                    }
                }
            });
            _writer.SetCommitData(new Dictionary<string, string>
            {
                [SearchFields.SourceCommit] = sourceCommit,
                [SearchFields.Schema] = SearchFields.SchemaVersion,
            });
            CommitNow();
            _indexedCommit = sourceCommit;
            NeedsRebuild = false;
        }

        _searchers.MaybeRefreshBlocking();
        return count;
    }

    /// <inheritdoc />
    public void Clear()
    {
        lock (_writeGate)
        {
            _writer.DeleteAll();
            _writer.SetCommitData(new Dictionary<string, string>());
            CommitNow();
            _indexedCommit = null;
        }

        _searchers.MaybeRefreshBlocking();
    }

    /// <inheritdoc />
    public SearchResults Search(SearchRequest request) => WithSearcher(s => _executor.Search(s, request));

    /// <inheritdoc />
    public IReadOnlyList<SearchSuggestion> Suggest(string prefix, int max = 10, IReadOnlyCollection<string>? visibleSpaces = null) =>
        WithSearcher(s => _executor.Suggest(s, prefix, max, visibleSpaces));

    /// <summary>The analysers the index uses.</summary>
    public WikiAnalyzers Analyzers => _analyzers;

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

    private T WithSearcher<T>(Func<IndexSearcher, T> action)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return action(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    // Segments flushed for near-real-time readers stay in memory (up to 60 MB, each up to 5 MB) until a commit
    // or a merge writes them: a save writes no index files of its own.
    private static LuceneDirectory OpenDirectory(string path) => new NRTCachingDirectory(FSDirectory.Open(path), 5.0, 60.0);

    private IndexWriter OpenWriter(LuceneDirectory directory) =>
        new(directory, new IndexWriterConfig(WikiAnalyzers.Version, _analyzers.Index)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Codec = new Codecs.WikiCodec(),
            Similarity = new BM25Similarity(),
            // Fewer, larger flushes and no compound files: faster bulk indexing, a few more files on disk.
            RAMBufferSizeMB = 128,
            UseCompoundFile = false,
            MergePolicy = new TieredMergePolicy { NoCFSRatio = 0 },
        });

    private static readonly FieldType WordsType = new(TextField.TYPE_NOT_STORED)
    {
        IndexOptions = IndexOptions.DOCS_AND_FREQS,
        OmitNorms = true,
    };

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
            new StoredField(SearchFields.TitleStored, d.Title),
            Boosted(new TextField(english ? SearchFields.TitleEnglish : SearchFields.Title, d.Title, Field.Store.NO), d.Boost),
            new TextField(SearchFields.Headings, string.Join("\n", d.Headings), Field.Store.NO),
            Boosted(new TextField(english ? SearchFields.BodyEnglish : SearchFields.Body, d.Body, Field.Store.YES), d.Boost),
            new Field(SearchFields.Words, d.Title + "\n" + d.Body, WordsType),
            new StoredField(SearchFields.Author, d.Author),
            new TextField(SearchFields.AuthorText, d.Author, Field.Store.NO),
            new StoredField(SearchFields.Updated, d.Updated.ToUnixTimeMilliseconds()),
            new NumericDocValuesField(SearchFields.UpdatedSort, d.Updated.ToUnixTimeMilliseconds()),
        };
        if (!english)
        {
            doc.Add(new TextField(SearchFields.Parts, d.Title + "\n" + d.Body, Field.Store.NO));
        }

        // Records outside any space (the team stream, people) have no space to count in the facets.
        if (d.Space.Length > 0)
        {
            doc.Add(new SortedDocValuesField(SearchFields.SpaceFacet, new BytesRef(d.Space)));
        }

        if (d.Suggestible)
        {
            doc.Add(new TextField(SearchFields.TitleWords, d.Title, Field.Store.NO));
        }

        // Unstored: the hit shows its own space; these only decide who finds it.
        foreach (var audience in d.Audiences ?? [])
        {
            doc.Add(new StringField(SearchFields.Space, audience, Field.Store.NO));
        }

        foreach (var tag in d.Tags.Select(Query.QueryBuilder.NormaliseTag).Where(t => t.Length > 0).Distinct())
        {
            doc.Add(new StringField(SearchFields.Tags, tag, Field.Store.YES));
            doc.Add(new SortedSetDocValuesField(SearchFields.TagFacet, new BytesRef(tag)));
        }

        return doc;
    }

    // An index-time boost goes into the field's norm, which BM25 multiplies in: the ranking code needs no
    // knowledge of why a record weighs more.
    private static Field Boosted(Field field, float boost)
    {
        if (boost != 1f)
        {
            field.Boost = boost;
        }

        return field;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_writeGate)
        {
            _closing = true;
        }

        _durableCommit.Dispose();
        try
        {
            CommitPending();
        }
        catch (Exception ex)
        {
            // Disposing the writer below commits what it can; a restart catches up from git.
            _logger.LogWarning(ex, "Could not make the search index durable while closing it");
        }

        lock (_writeGate)
        {
            _disposed = true;
        }

        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
