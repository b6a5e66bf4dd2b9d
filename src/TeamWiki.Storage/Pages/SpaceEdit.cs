using System.Collections.Immutable;

namespace TeamWiki.Storage.Pages;

/// <summary>
/// One space's pages while <see cref="SnapshotBuilder"/> makes the next snapshot: the previous pages edited
/// through their immutable builders, and the titles and page tree edited the same way only when the previous
/// snapshot had made them (else they stay to be made from the new pages when first asked for).
/// </summary>
internal sealed class SpaceEdit
{
    private readonly ImmutableDictionary<string, ImmutableSortedSet<PageSummary>>.Builder? _titles;
    private readonly ImmutableDictionary<string, PageTreeNode>.Builder? _tree;
    private long _pathHash;

    /// <summary>Starts from <paramref name="from"/> (null: a space without pages so far).</summary>
    public SpaceEdit(SpacePages? from)
    {
        Pages = (from?.Pages ?? ImmutableDictionary.Create<string, PageSummary>(StringComparer.Ordinal)).ToBuilder();
        _pathHash = from?.PathHash ?? 0;
        if (from is null)
        {
            // Nothing to make later from a space that had no pages: its collections start empty and are edited.
            _titles = ImmutableDictionary.CreateBuilder<string, ImmutableSortedSet<PageSummary>>(StringComparer.OrdinalIgnoreCase);
            _tree = ImmutableDictionary.CreateBuilder<string, PageTreeNode>(StringComparer.Ordinal);
            return;
        }

        _titles = from.TitlesMade ? from.Titles.ToBuilder() : null;
        _tree = from.TreeMade ? from.TreeNodes.ToBuilder() : null;
    }

    /// <summary>The space's pages by path as edited so far.</summary>
    public ImmutableDictionary<string, PageSummary>.Builder Pages { get; }

    /// <summary>Adds or replaces a page.</summary>
    public void Set(PageSummary page)
    {
        var path = page.Path.Value;
        if (Pages.TryGetValue(path, out var old))
        {
            RemoveTitle(old);
        }
        else
        {
            _pathHash ^= SnapshotBuilder.HashOf(path);
        }

        Pages[path] = page;
        if (_titles is not null)
        {
            var title = page.Title.Trim();
            _titles[title] = (_titles.TryGetValue(title, out var same) ? same.Remove(page) : SpacePages.NoTitles).Add(page);
        }

        if (_tree is not null)
        {
            PageTreeIndex.SetPage(_tree, path, page.Title);
        }
    }

    /// <summary>Removes a page; false when there was none.</summary>
    public bool Remove(PagePath path)
    {
        if (!Pages.Remove(path.Value, out var old))
        {
            return false;
        }

        _pathHash ^= SnapshotBuilder.HashOf(path.Value);
        RemoveTitle(old);
        if (_tree is not null)
        {
            PageTreeIndex.RemovePage(_tree, path.Value);
        }

        return true;
    }

    /// <summary>The space's pages in the next snapshot.</summary>
    public SpacePages ToSpacePages() => new(Pages.ToImmutable(), _pathHash, _titles?.ToImmutable(), _tree?.ToImmutable());

    private void RemoveTitle(PageSummary old)
    {
        if (_titles is null)
        {
            return;
        }

        var title = old.Title.Trim();
        var rest = _titles[title].Remove(old);
        if (rest.Count == 0)
        {
            _titles.Remove(title);
        }
        else
        {
            _titles[title] = rest;
        }
    }
}
