using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace TeamWiki.Search.Query;

/// <summary>
/// The documents of the spaces one reader may see, for the questions a search asks of the vocabulary
/// ("does this word occur?", "how often?"). Asked of the whole index, those answers would tell a reader
/// that a word occurs in a space hidden from them; asked here, hidden spaces do not exist.
/// </summary>
/// <remarks>
/// The set is a bit per document over the whole (multi-segment) reader, built on first use from the
/// postings of the space terms; a search that never asks costs nothing. Null <c>spaces</c>: no limit.
/// One instance serves every search on the same reader for the same spaces (<see cref="SearcherMemo"/>):
/// the set and the answers of <see cref="Contains"/> are kept, and are safe to share between threads.
/// </remarks>
internal sealed class VisibleDocs(IndexReader reader, IReadOnlyCollection<string>? spaces)
{
    private const int MaxKnown = 50_000;

    private readonly ConcurrentDictionary<(string Field, string Term), bool> _known = new();
    private FixedBitSet? _bits;
    private int _knownCount;

    /// <summary>The documents that count (deleted ones excluded), or null when every live document does.</summary>
    public IBits? Bits => spaces is null ? MultiFields.GetLiveDocs(reader) : LazyInitializer.EnsureInitialized(ref _bits, Build);

    /// <summary>True when <paramref name="term"/> occurs in <paramref name="field"/> of a document that counts.</summary>
    public bool Contains(string field, string term)
    {
        if (_known.TryGetValue((field, term), out var known))
        {
            return known;
        }

        // ConcurrentDictionary.Count takes every lock: keep an approximate count of our own.
        if (Interlocked.Increment(ref _knownCount) > MaxKnown)
        {
            _known.Clear();
            Interlocked.Exchange(ref _knownCount, 0);
        }

        var found = Occurs(field, term);
        _known.TryAdd((field, term), found);
        return found;
    }

    private bool Occurs(string field, string term)
    {
        var bytes = new BytesRef(term);
        if (reader.DocFreq(new Term(field, bytes)) == 0)
        {
            return false;
        }

        if (spaces is null)
        {
            return true;
        }

        var docs = MultiFields.GetTermDocsEnum(reader, Bits, field, bytes, DocsFlags.NONE);
        return docs is not null && docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS;
    }

    /// <summary>How many documents that count hold the term <paramref name="terms"/> is positioned on.</summary>
    public int Frequency(TermsEnum terms)
    {
        if (spaces is null)
        {
            return terms.DocFreq;
        }

        var docs = terms.Docs(Bits, null, DocsFlags.NONE);
        var count = 0;
        while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
        {
            count++;
        }

        return count;
    }

    private FixedBitSet Build()
    {
        var bits = new FixedBitSet(Math.Max(1, reader.MaxDoc));
        var live = MultiFields.GetLiveDocs(reader);
        foreach (var space in spaces!)
        {
            var docs = MultiFields.GetTermDocsEnum(reader, live, SearchFields.Space, new BytesRef(space), DocsFlags.NONE);
            if (docs is null)
            {
                continue;
            }

            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                bits.Set(doc);
            }
        }

        return bits;
    }
}
