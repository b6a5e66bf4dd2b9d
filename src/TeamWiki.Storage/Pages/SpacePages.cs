using System.Collections.Immutable;

namespace TeamWiki.Storage.Pages;

/// <summary>
/// One space's pages in a <see cref="ContentSnapshot"/>: the pages by path, by title and as the page tree.
/// Each is made on first use: a restart from the kept catalog knows only each space's page count and the
/// hash of its paths until a request asks for the space, so the first page view builds the one space it
/// shows (its tree, its page, the titles its links name) and not the whole wiki. Once made, a commit edits
/// them in place of the previous snapshot's (see <see cref="SnapshotBuilder"/>); what was never made stays
/// unmade, and is made from the new pages when asked.
/// </summary>
internal sealed class SpacePages
{
    private static readonly IComparer<PageSummary> ByPath = Comparer<PageSummary>.Create((a, b) => string.CompareOrdinal(a.Path.Value, b.Path.Value));

    private readonly Lazy<ImmutableDictionary<string, PageSummary>> _pages;
    private readonly Lazy<ImmutableDictionary<string, ImmutableSortedSet<PageSummary>>> _titles;
    private readonly Lazy<ImmutableDictionary<string, PageTreeNode>> _tree;

    /// <summary>A space whose pages are known (titles and tree made from them when asked, unless given).</summary>
    public SpacePages(ImmutableDictionary<string, PageSummary> pages, long pathHash,
        ImmutableDictionary<string, ImmutableSortedSet<PageSummary>>? titles = null, ImmutableDictionary<string, PageTreeNode>? tree = null)
        : this(pages.Count, pathHash, null, new Lazy<ImmutableDictionary<string, PageSummary>>(pages))
    {
        if (titles is not null)
        {
            _titles = new(titles);
        }

        if (tree is not null)
        {
            _tree = new(tree);
        }
    }

    /// <summary>A space whose pages are made by <paramref name="load"/> on first use (from the kept catalog, <paramref name="kept"/>).</summary>
    public SpacePages(KeptSpace kept, Func<ImmutableDictionary<string, PageSummary>> load)
        : this(kept.Count, kept.PathHash, kept, new Lazy<ImmutableDictionary<string, PageSummary>>(load, LazyThreadSafetyMode.ExecutionAndPublication))
    {
    }

    private SpacePages(int count, long pathHash, KeptSpace? kept, Lazy<ImmutableDictionary<string, PageSummary>> pages)
    {
        (Count, PathHash, Kept, _pages) = (count, pathHash, kept, pages);
        _titles = new(() => TitlesOf(_pages.Value.Values), LazyThreadSafetyMode.ExecutionAndPublication);
        _tree = new(() => PageTreeIndex.Build(_pages.Value.Values), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>How many pages, known without making them.</summary>
    public int Count { get; }

    /// <summary>The XOR of the hashes of the page paths (see <see cref="ContentSnapshot.PathSetVersion"/>).</summary>
    public long PathHash { get; }

    /// <summary>The kept catalog's block these pages are made from, until a commit changed the space (then null).</summary>
    public KeptSpace? Kept { get; }

    /// <summary>The pages by path.</summary>
    public ImmutableDictionary<string, PageSummary> Pages => _pages.Value;

    /// <summary>True once the pages were made.</summary>
    public bool PagesMade => _pages.IsValueCreated;

    /// <summary>The pages by trimmed title (ignoring case), each set ordered by path.</summary>
    public ImmutableDictionary<string, ImmutableSortedSet<PageSummary>> Titles => _titles.Value;

    /// <summary>True once the titles were made: a commit then edits them instead of leaving them to be made.</summary>
    public bool TitlesMade => _titles.IsValueCreated;

    /// <summary>The nodes of the space's page tree (see <see cref="PageTreeIndex"/>).</summary>
    public ImmutableDictionary<string, PageTreeNode> TreeNodes => _tree.Value;

    /// <summary>True once the tree was made.</summary>
    public bool TreeMade => _tree.IsValueCreated;

    /// <summary>An empty title set ordered as the snapshot's are.</summary>
    public static ImmutableSortedSet<PageSummary> NoTitles { get; } = ImmutableSortedSet.Create(ByPath);

    private static ImmutableDictionary<string, ImmutableSortedSet<PageSummary>> TitlesOf(IEnumerable<PageSummary> pages)
    {
        var byTitle = new Dictionary<string, List<PageSummary>>(StringComparer.OrdinalIgnoreCase);
        foreach (var page in pages)
        {
            var title = page.Title.Trim();
            if (!byTitle.TryGetValue(title, out var same))
            {
                byTitle[title] = same = [];
            }

            same.Add(page);
        }

        return byTitle.ToImmutableDictionary(p => p.Key, p => ImmutableSortedSet.CreateRange(ByPath, p.Value), StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>A page as the kept catalog holds it: its path, its blob and the front matter parsed from the blob.</summary>
internal sealed record KeptPage(string FilePath, string BlobId, ParsedPage Parse);
