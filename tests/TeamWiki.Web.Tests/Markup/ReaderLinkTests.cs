using TeamWiki.Web.Auth;
using TeamWiki.Web.Markup;

namespace TeamWiki.Web.Tests.Markup;

/// <summary>
/// Wiki links resolve against what the reader may read: a link into a space they cannot read is the
/// link's own text, the same whether the target exists or not, and hidden titles are never used.
/// </summary>
public class ReaderLinkTests
{
    private static readonly ReaderCatalog Catalog = new();

    [Fact]
    public void ALinkIntoASpaceTheReaderCannotReadIsPlainText()
    {
        var dom = Md.Parse(Html("Zie [[geheim/plan]] voor details.", ReaderCatalog.Outsider));

        Assert.Empty(dom.QuerySelectorAll("a"));
        Assert.Equal("Zie geheim/plan voor details.", dom.TextContent.Trim());
        Assert.DoesNotContain("Het geheime plan", dom.InnerHtml);
        Assert.DoesNotContain("missing", dom.InnerHtml);
    }

    [Fact]
    public void ALabelledLinkIntoAHiddenSpaceShowsOnlyItsLabel()
    {
        var dom = Md.Parse(Html("Lees [[geheim/plan|het plan]].", ReaderCatalog.Outsider));

        Assert.Empty(dom.QuerySelectorAll("a"));
        Assert.Equal("Lees het plan.", dom.TextContent.Trim());
    }

    [Fact]
    public void AMemberSeesTheSameLinkWithItsTitle()
    {
        var link = Md.Parse(Html("Zie [[geheim/plan]].", ReaderCatalog.Member)).QuerySelector("a")!;

        Assert.Equal("/wiki/geheim/plan", link.GetAttribute("href"));
        Assert.Equal("Het geheime plan", link.TextContent);
    }

    [Fact]
    public void AHiddenPageLooksExactlyLikeAMissingOneAndLikeASpaceThatDoesNotExist()
    {
        var existing = Html("[[geheim/plan]]", ReaderCatalog.Outsider);
        var missing = Html("[[geheim/plan]]", ReaderCatalog.Outsider, new ReaderCatalog(withSecretSpace: false));
        var otherName = Html("[[geheim/bestaat-niet]]", ReaderCatalog.Outsider).Replace("bestaat-niet", "plan");

        Assert.Equal(missing, existing);
        Assert.Equal(otherName, existing);
    }

    [Fact]
    public void ATitleThatOnlyAHiddenPageHasIsNotFound()
    {
        var outsider = Md.Parse(Html("[[Het geheime plan]]", ReaderCatalog.Outsider)).QuerySelector("a")!;
        var nobodyHasIt = Md.Parse(Html("[[Het geheime plan]]", ReaderCatalog.Outsider, new ReaderCatalog(withSecretSpace: false))).QuerySelector("a")!;

        // Offered as a new page in the reader's own space, as if the hidden page did not exist.
        Assert.Equal("wikilink missing", outsider.ClassName);
        Assert.Equal("/edit/handboek/het-geheime-plan?title=Het%20geheime%20plan", outsider.GetAttribute("href"));
        Assert.Equal(nobodyHasIt.OuterHtml, outsider.OuterHtml);
    }

    [Fact]
    public void ATitleFoundInAHiddenAndAReadableSpaceLeadsToTheReadableOne()
    {
        var outsider = Md.Parse(Html("[[Dubbel]]", ReaderCatalog.Outsider)).QuerySelector("a")!;
        var member = Md.Parse(Html("[[Dubbel]]", ReaderCatalog.Member)).QuerySelector("a")!;

        Assert.Equal("/wiki/kennisbank/dubbel", outsider.GetAttribute("href"));
        // Without a preference for the own space the first path wins, which for a member is the hidden one.
        Assert.Equal("/wiki/geheim/dubbel", member.GetAttribute("href"));
    }

    [Fact]
    public void TeamStreamLinksFindPagesOnlyInReadableSpaces()
    {
        var outsider = Md.Parse(Md.Renderer.Render("[[Alleen hier]] en [[overleg]]", "team/_conversation", Resolver(ReaderCatalog.Outsider)).Html);
        var member = Md.Parse(Md.Renderer.Render("[[alleen-hier]]", "team/_conversation", Resolver(ReaderCatalog.Member)).Html);

        var links = outsider.QuerySelectorAll("a");
        Assert.Single(links);
        Assert.Equal("/wiki/kennisbank/overleg", links[0].GetAttribute("href"));
        Assert.StartsWith("Alleen hier en", outsider.TextContent.Trim());
        Assert.Equal("/wiki/geheim/alleen-hier", member.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void PlainTextLinksAreNeitherLinkedPagesNorMissing()
    {
        var rendered = Md.Renderer.Render("[[geheim/plan]] [[welkom]]", "handboek/start", Resolver(ReaderCatalog.Outsider));

        Assert.Equal(["handboek/welkom"], rendered.LinkedPages);
        Assert.False(rendered.HasMissingLinks);
        Assert.True(rendered.DependsOnReader);
    }

    private static string Html(string markdown, ReadableSpaces reader, ReaderCatalog? catalog = null) =>
        Md.Renderer.Render(markdown, "handboek/start", Resolver(reader, catalog)).Html;

    private static CatalogLinkResolver Resolver(ReadableSpaces reader, ReaderCatalog? catalog = null) =>
        new((catalog ?? Catalog).Current, reader);
}
