using TeamWiki.Web.Markup;

namespace TeamWiki.Web.Tests.Markup;

/// <summary>How resolved wiki links look in the HTML, and what Render reports about them.</summary>
public class WikiLinkRenderingTests
{
    [Fact]
    public void ExistingPageByTitleLinksToTheWikiWithItsTitle()
    {
        var link = Md.Dom("Lees [[onboarding]] eerst.").QuerySelector("a")!;

        Assert.Equal("wikilink", link.ClassName);
        Assert.Equal("/wiki/handboek/onboarding", link.GetAttribute("href"));
        Assert.Equal("Onboarding", link.TextContent);
        Assert.False(link.HasAttribute("title"));
    }

    [Fact]
    public void MissingPageLinksToTheEditorWithThePrefilledTitle()
    {
        var link = Md.Dom("Zie [[Verlofregeling 2025]].").QuerySelector("a")!;

        Assert.Equal("wikilink missing", link.ClassName);
        Assert.Equal("/edit/handboek/verlofregeling-2025?title=Verlofregeling%202025", link.GetAttribute("href"));
        Assert.Equal("Deze pagina bestaat nog niet", link.GetAttribute("title"));
        Assert.Equal("Verlofregeling 2025", link.TextContent);
    }

    [Fact]
    public void PathWithLabelShowsTheLabel()
    {
        var link = Md.Dom("Volg [[kennisbank/git-workflow|de Git-afspraken]].").QuerySelector("a")!;

        Assert.Equal("/wiki/kennisbank/git-workflow", link.GetAttribute("href"));
        Assert.Equal("de Git-afspraken", link.TextContent);
    }

    [Fact]
    public void LabelsAreEscapedNotInterpreted()
    {
        var html = Md.Html("[[Onboarding|Tom & Jerry's <b>eerste</b> dag]]");

        Assert.Contains("Tom &amp; Jerry's &lt;b&gt;eerste&lt;/b&gt; dag", html);
        Assert.Empty(Md.Parse(html).QuerySelectorAll("b"));
    }

    [Fact]
    public void DiacriticsInTitlesAreLeftToTheResolver()
    {
        var resolver = new TestWikiLinkResolver();
        var result = Md.Renderer.Render("[[Coördinatie]] en [[Überleg]]", "handboek/welkom", resolver);

        Assert.Equal([("Coördinatie", "handboek"), ("Überleg", "handboek")], resolver.Calls);
        var links = Md.Parse(result.Html).QuerySelectorAll("a");
        Assert.Equal("/wiki/handboek/coordinatie", links[0].GetAttribute("href"));
        Assert.Equal("/edit/handboek/uberleg?title=%C3%9Cberleg", links[1].GetAttribute("href"));
    }

    [Fact]
    public void ResolverPathsAreEncodedEvenIfTheyAreNotSlugs()
    {
        var result = Md.Renderer.Render("[[x]]", "handboek/welkom", new FixedResolver(new WikiLinkTarget("a b/\"c\"", "T", true)));

        Assert.Contains("href=\"/wiki/a%20b/%22c%22\"", result.Html);
    }

    [Fact]
    public void LinkedPagesAreDistinctInOrderAndIncludeMissingOnes()
    {
        var result = Md.Render("[[Onboarding]], [[Nieuw]], [[handboek/onboarding|nog eens]], [[kennisbank/git-workflow]]");

        Assert.Equal(["handboek/onboarding", "handboek/nieuw", "kennisbank/git-workflow"], result.LinkedPages);
        Assert.True(result.HasMissingLinks);
    }

    [Fact]
    public void PagesWithOnlyExistingLinksHaveNoMissingLinks()
    {
        var result = Md.Render("[[Onboarding]] en [[kennisbank/git-workflow]]");

        Assert.False(result.HasMissingLinks);
        Assert.Equal(2, result.LinkedPages.Count);
    }

    [Fact]
    public void PagesWithoutWikiLinksReportNone()
    {
        var result = Md.Render("Gewone [link](https://lindeboom.nl).");

        Assert.Empty(result.LinkedPages);
        Assert.False(result.HasMissingLinks);
    }

    [Fact]
    public void TheCurrentSpaceIsTheFirstSegmentOfThePagePath()
    {
        var resolver = new TestWikiLinkResolver();
        Md.Renderer.Render("[[Componenten]]", "project-atlas/architectuur/overzicht", resolver);

        Assert.Equal(("Componenten", "project-atlas"), Assert.Single(resolver.Calls));
    }

    private sealed class FixedResolver(WikiLinkTarget target) : IWikiLinkResolver
    {
        public WikiLinkTarget Resolve(string target1, string currentSpace) => target;
    }
}
