using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace TeamWiki.Search.Query;

/// <summary>
/// Counts the hits per space and per tag while the search runs, from doc values: no stored field is
/// read, so counting every hit stays cheap at 100,000 pages.
/// </summary>
internal sealed class FacetCounter : ICollector
{
    private readonly Dictionary<string, int> _spaces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _tags = new(StringComparer.Ordinal);
    private readonly BytesRef _scratch = new();
    private SortedDocValues? _space;
    private SortedSetDocValues? _tag;
    private int[] _spaceCounts = [];
    private Dictionary<long, int> _tagCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public IReadOnlyDictionary<string, int> Spaces => _spaces;

    public IReadOnlyDictionary<string, int> Tags => _tags;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _space = context.AtomicReader.GetSortedDocValues(SearchFields.SpaceFacet);
        _tag = context.AtomicReader.GetSortedSetDocValues(SearchFields.TagFacet);
        _spaceCounts = new int[_space?.ValueCount ?? 0];
        _tagCounts = [];
    }

    public void Collect(int doc)
    {
        if (_space is not null)
        {
            var ord = _space.GetOrd(doc);
            if (ord >= 0)
            {
                _spaceCounts[ord]++;
            }
        }

        if (_tag is not null)
        {
            _tag.SetDocument(doc);
            for (var ord = _tag.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = _tag.NextOrd())
            {
                _tagCounts[ord] = _tagCounts.GetValueOrDefault(ord) + 1;
            }
        }
    }

    /// <summary>Adds the last segment's counts; call once after the search.</summary>
    public void Flush()
    {
        for (var ord = 0; ord < _spaceCounts.Length; ord++)
        {
            if (_spaceCounts[ord] > 0)
            {
                _space!.LookupOrd(ord, _scratch);
                var key = _scratch.Utf8ToString();
                _spaces[key] = _spaces.GetValueOrDefault(key) + _spaceCounts[ord];
            }
        }

        foreach (var (ord, count) in _tagCounts)
        {
            _tag!.LookupOrd(ord, _scratch);
            var key = _scratch.Utf8ToString();
            _tags[key] = _tags.GetValueOrDefault(key) + count;
        }

        _spaceCounts = [];
        _tagCounts = [];
    }
}
