using Microsoft.Extensions.Caching.Memory;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Spaces;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Markup;

namespace TeamWiki.Web.Tests.Markup;

/// <summary>
/// A cached render stays valid while each of its wiki links resolves the same: a change elsewhere in the
/// wiki keeps it, a change to what one of its links finds renders it again.
/// </summary>
public sealed class RenderCacheFollowsLinksTests : IDisposable
{
    private static readonly ReadableSpaces Staff = ReadableSpaces.Only(["handboek", "kennisbank"]);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100 });
    private readonly MovingCatalog _catalog = new();
    private readonly PageRenderer _pages;

    public RenderCacheFollowsLinksTests() => _pages = new PageRenderer(Md.Renderer, _catalog, _cache);

    [Fact]
    public void AddingAnUnrelatedPageKeepsTheRender()
    {
        var page = Page("Zie [[kennisbank/overleg]] en [[Nog niet geschreven]].");
        var first = _pages.Render(page, Staff);

        _catalog.Add("kennisbank/iets-anders", "Iets anders");

        Assert.Same(first, _pages.Render(page, Staff));
    }

    [Fact]
    public void CreatingThePageAMissingLinkPointsToRendersAgain()
    {
        var page = Page("Zie [[Nog niet geschreven]].");
        var before = _pages.Render(page, Staff);
        Assert.Contains("/edit/handboek/nog-niet-geschreven", before.Html);

        _catalog.Add("handboek/nog-niet-geschreven", "Nog niet geschreven");
        var after = _pages.Render(page, Staff);

        Assert.NotSame(before, after);
        Assert.Contains("href=\"/wiki/handboek/nog-niet-geschreven\"", after.Html);
        Assert.DoesNotContain("/edit/", after.Html);
    }

    [Fact]
    public void RetitlingALinkedPageRendersAgainWithTheNewTitle()
    {
        var page = Page("Zie [[kennisbank/overleg]].");
        Assert.Contains("Overleg", _pages.Render(page, Staff).Html);

        _catalog.Add("kennisbank/overleg", "Wekelijks overleg");

        Assert.Contains("Wekelijks overleg", _pages.Render(page, Staff).Html);
    }

    [Fact]
    public void DeletingALinkedPageRendersTheLinkAsMissing()
    {
        var page = Page("Zie [[kennisbank/overleg]].");
        Assert.DoesNotContain("/edit/", _pages.Render(page, Staff).Html);

        _catalog.Remove("kennisbank/overleg");

        Assert.Contains("/edit/kennisbank/overleg", _pages.Render(page, Staff).Html);
    }

    private static WikiPage Page(string markdown) =>
        new(PagePath.Parse("handboek/start"), "Start", markdown, markdown, FrontMatter.Split(markdown).Meta, "blob-" + markdown.GetHashCode(),
            "c0ffee", "Alice", "alice@example.org", DateTimeOffset.UnixEpoch);

    public void Dispose() => _cache.Dispose();

    /// <summary>A catalog whose snapshot moves on, as the real one does after each commit.</summary>
    private sealed class MovingCatalog : IContentCatalog
    {
        private readonly Dictionary<string, PageSummary> _pages = new()
        {
            ["handboek/welkom"] = Summary("handboek/welkom", "Welkom"),
            ["kennisbank/overleg"] = Summary("kennisbank/overleg", "Overleg"),
        };

        private readonly SpaceInfo[] _spaces = [new("handboek", "Handboek", ""), new("kennisbank", "Kennisbank", "")];
        private int _commit;

        public MovingCatalog() => Current = Snapshot();

        public ContentSnapshot Current { get; private set; }

        public void Add(string path, string title)
        {
            _pages[path] = Summary(path, title);
            Current = Snapshot();
        }

        public void Remove(string path)
        {
            _pages.Remove(path);
            Current = Snapshot();
        }

        private ContentSnapshot Snapshot() => new($"commit-{++_commit}", _pages.Values, _spaces);

        private static PageSummary Summary(string path, string title) => new(PagePath.Parse(path), title, [], null, null, "blob-" + path + title);
    }
}
