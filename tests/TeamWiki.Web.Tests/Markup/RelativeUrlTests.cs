namespace TeamWiki.Web.Tests.Markup;

/// <summary>Links and images written relative to the page file resolve to the app's routes.</summary>
public class RelativeUrlTests
{
    [Theory]
    [InlineData("handboek/welkom", "_media/a.svg", "/files/handboek/_media/a.svg")]
    [InlineData("handboek/welkom", "./_media/a.svg", "/files/handboek/_media/a.svg")]
    [InlineData("project-atlas/architectuur/componenten", "../_media/x.svg", "/files/project-atlas/_media/x.svg")]
    [InlineData("handboek/onboarding/eerste-werkdag", "plattegrond.png", "/files/handboek/onboarding/plattegrond.png")]
    [InlineData("handboek/welkom", "/static/logo.png", "/static/logo.png")]
    [InlineData("handboek/welkom", "https://cdn.lindeboom.nl/logo.png", "https://cdn.lindeboom.nl/logo.png")]
    public void ImagesResolveAgainstThePageFolder(string page, string src, string expected)
    {
        var image = Md.Dom($"![Logo]({src})", page).QuerySelector("img")!;

        Assert.Equal(expected, image.GetAttribute("src"));
        Assert.Equal("Logo", image.GetAttribute("alt"));
    }

    [Theory]
    [InlineData("kennisbank/welkom", "git-workflow.md", "/wiki/kennisbank/git-workflow")]
    [InlineData("handboek/welkom", "../kennisbank/git-workflow.md#stap-2", "/wiki/kennisbank/git-workflow#stap-2")]
    [InlineData("handboek/onboarding/eerste-werkdag", "../welkom.md", "/wiki/handboek/welkom")]
    [InlineData("handboek/welkom", "onboarding/eerste-werkdag.MD", "/wiki/handboek/onboarding/eerste-werkdag")]
    [InlineData("handboek/welkom", "docs/plan.pdf?v=2", "/files/handboek/docs/plan.pdf?v=2")]
    [InlineData("handboek/welkom", "..\\kennisbank\\git-workflow.md", "/wiki/kennisbank/git-workflow")]
    [InlineData("handboek/welkom", "/wiki/kennisbank/git-workflow", "/wiki/kennisbank/git-workflow")]
    [InlineData("handboek/welkom", "#eerste-week", "#eerste-week")]
    [InlineData("handboek/welkom", "mailto:hr@lindeboom.nl", "mailto:hr@lindeboom.nl")]
    [InlineData("handboek/welkom", "http://intranet.lindeboom.nl", "http://intranet.lindeboom.nl")]
    public void LinksResolveToWikiPagesOrFiles(string page, string href, string expected)
    {
        var link = Md.Dom($"[Lees dit]({href})", page).QuerySelector("a")!;

        Assert.Equal(expected, link.GetAttribute("href"));
    }

    [Theory]
    [InlineData("handboek/welkom", "../../geheim.md")]
    [InlineData("handboek/welkom", "../../../etc/passwd")]
    [InlineData("handboek/welkom", "..\\\\..\\\\geheim.md")]
    [InlineData("handboek/welkom", "%2e%2e/%2e%2e/geheim.md")]
    [InlineData("project-atlas/architectuur/componenten", "../../../x.md")]
    public void LinksEscapingTheRepositoryRootKeepOnlyTheirText(string page, string href)
    {
        var paragraph = Md.Dom($"Zie [de tekst]({href}).", page).QuerySelector("p")!;

        Assert.Empty(paragraph.QuerySelectorAll("a"));
        Assert.Equal("Zie de tekst.", paragraph.TextContent);
    }

    [Fact]
    public void ImagesEscapingTheRepositoryRootLoseTheirSource()
    {
        var image = Md.Dom("![Plattegrond](../../../kaart.png)").QuerySelector("img")!;

        Assert.False(image.HasAttribute("src"));
        Assert.Equal("Plattegrond", image.GetAttribute("alt"));
    }

    [Fact]
    public void ReferenceStyleLinksResolveToo()
    {
        var link = Md.Dom("Zie [git][1].\n\n[1]: ../kennisbank/git-workflow.md").QuerySelector("a")!;

        Assert.Equal("/wiki/kennisbank/git-workflow", link.GetAttribute("href"));
    }

    [Fact]
    public void RelativeUrlsInRawHtmlResolveLikeMarkdown()
    {
        var body = Md.Dom("<p><img src=\"_media/a.svg\" alt=\"a\"> <a href=\"../kennisbank/git-workflow.md\">git</a> <a href=\"../../x\">weg</a></p>");

        Assert.Equal("/files/handboek/_media/a.svg", body.QuerySelector("img")!.GetAttribute("src"));
        var links = body.QuerySelectorAll("a");
        Assert.Equal("/wiki/kennisbank/git-workflow", links[0].GetAttribute("href"));
        Assert.False(links[1].HasAttribute("href"));
    }

    [Theory]
    [InlineData("[x](//evil.example/pad)")]
    [InlineData("<a href=\"//evil.example/pad\">x</a>")]
    [InlineData("<a href=\"/\\evil.example/pad\">x</a>")]
    [InlineData("<a href=\"\\\\evil.example/pad\">x</a>")]
    public void ProtocolRelativeLinksCountAsExternal(string markdown)
    {
        var link = Md.Dom(markdown).QuerySelector("a")!;

        Assert.Equal("noopener noreferrer nofollow", link.GetAttribute("rel"));
    }
}
