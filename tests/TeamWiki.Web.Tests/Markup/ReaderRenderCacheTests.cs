using Microsoft.Extensions.Caching.Memory;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Markup;

namespace TeamWiki.Web.Tests.Markup;

/// <summary>The page cache never hands one reader a render made for another set of spaces, and shares what it can.</summary>
public sealed class ReaderRenderCacheTests : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100 });
    private readonly PageRenderer _pages;

    public ReaderRenderCacheTests() => _pages = new PageRenderer(Md.Renderer, new ReaderCatalog(), _cache);

    [Fact]
    public void AReaderNeverGetsTheRenderCachedForAMemberOfAHiddenSpace()
    {
        var page = Page("handboek/start", "Zie [[geheim/plan]].");

        var member = _pages.Render(page, ReaderCatalog.Member);
        var outsider = _pages.Render(page, ReaderCatalog.Outsider);

        Assert.Contains("/wiki/geheim/plan", member.Html);
        Assert.DoesNotContain("/wiki/geheim/plan", outsider.Html);
        Assert.DoesNotContain("Het geheime plan", outsider.Html);
        // Asked again, each still gets their own.
        Assert.Same(member, _pages.Render(page, ReaderCatalog.Member));
        Assert.Same(outsider, _pages.Render(page, ReaderCatalog.Outsider));
    }

    [Fact]
    public void ReadersWithTheSameSpacesShareOneRender()
    {
        var page = Page("handboek/start", "Zie [[welkom]].");

        var first = _pages.Render(page, Auth.ReadableSpaces.Only(["handboek", "kennisbank"]));
        var second = _pages.Render(page, Auth.ReadableSpaces.Only(["kennisbank", "handboek"]));

        Assert.Same(first, second);
    }

    [Fact]
    public void APageWithoutWikiLinksIsRenderedOnceForEveryone()
    {
        var page = Page("handboek/start", "# Gewoon\n\nGeen links, wel **vet** en [een gewone link](https://example.org).");

        var member = _pages.Render(page, ReaderCatalog.Member);
        var outsider = _pages.Render(page, ReaderCatalog.Outsider);

        Assert.False(member.DependsOnReader);
        Assert.Same(member, outsider);
        Assert.Equal(1, _cache.Count);
    }

    [Fact]
    public void TheEditorPreviewResolvesForTheReaderToo()
    {
        var preview = _pages.Preview("---\ntitle: Start\n---\n\n[[geheim/plan]]", PagePath.Parse("handboek/start"), ReaderCatalog.Outsider);

        Assert.Empty(Md.Parse(preview.Html).QuerySelectorAll("a"));
    }

    [Fact]
    public void AStoredTaskDescriptionResolvesForTheReader()
    {
        var outsider = _pages.RenderStored("blob-task", "Hoort bij [[Het geheime plan]].", "handboek/hb-1", ReaderCatalog.Outsider);
        var member = _pages.RenderStored("blob-task", "Hoort bij [[Het geheime plan]].", "handboek/hb-1", ReaderCatalog.Member);

        Assert.Contains("/wiki/geheim/plan", member.Html);
        Assert.DoesNotContain("/wiki/geheim/plan", outsider.Html);
    }

    private static WikiPage Page(string path, string markdown)
    {
        var (meta, body) = FrontMatter.Split(markdown);
        return new WikiPage(PagePath.Parse(path), "Start", markdown, body, meta, "blob-" + markdown.GetHashCode(), "c0ffee", "Alice", "alice@example.org", DateTimeOffset.UnixEpoch);
    }

    public void Dispose() => _cache.Dispose();
}
