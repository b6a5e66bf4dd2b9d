namespace TeamWiki.Web.Tests.Markup;

/// <summary>What does and does not count as a wiki link.</summary>
public class WikiLinkParsingTests
{
    [Theory]
    [InlineData("Dit is `[[Onboarding]]` code.")]
    [InlineData("```\n[[Onboarding]]\n```")]
    [InlineData("    [[Onboarding]]")]
    public void WikiLinksInCodeAreLeftAlone(string markdown)
    {
        var result = Md.Render(markdown);

        Assert.Empty(result.LinkedPages);
        Assert.Contains("[[Onboarding]]", Md.Parse(result.Html).QuerySelector("code")!.TextContent);
    }

    [Theory]
    [InlineData("Open [[Onboarding zonder einde")]
    [InlineData("Leeg [[]] en [[ ]] en [[ | label]]")]
    [InlineData("Met regeleinde [[Onbo\narding]]")]
    [InlineData("Met haken [[a<b]] en [[a>b]]")]
    [InlineData("Escaped \\[[Onboarding]]")]
    public void MalformedWikiLinksStayPlainText(string markdown)
    {
        var result = Md.Render(markdown);

        Assert.Empty(result.LinkedPages);
        Assert.Empty(Md.Parse(result.Html).QuerySelectorAll("a"));
        Assert.Contains("[[", Md.Parse(result.Html).TextContent);
    }

    [Theory]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void TargetsLongerThan300CharactersAreNoLink(int length, bool isLink)
    {
        var result = Md.Render("[[" + new string('a', length) + "]]");

        Assert.Equal(isLink, result.LinkedPages.Count == 1);
    }

    [Fact]
    public void SeveralLinksOnOneLineAreAllFound()
    {
        var links = Md.Dom("[[Onboarding]][[Nieuw]] en [[kennisbank/git-workflow|Git]].").QuerySelectorAll("a.wikilink");

        Assert.Equal(["Onboarding", "Nieuw", "Git"], links.Select(a => a.TextContent));
    }

    [Fact]
    public void TargetsAndLabelsAreTrimmed()
    {
        var link = Md.Dom("[[  kennisbank/git-workflow  |  Git  ]]").QuerySelector("a")!;

        Assert.Equal("/wiki/kennisbank/git-workflow", link.GetAttribute("href"));
        Assert.Equal("Git", link.TextContent);
    }

    [Fact]
    public void AnEmptyLabelFallsBackToTheTitle()
    {
        Assert.Equal("Onboarding", Md.Dom("[[handboek/onboarding|]]").QuerySelector("a")!.TextContent);
    }

    [Fact]
    public void EscapedPipeInsideATableSeparatesTheLabel()
    {
        var body = Md.Dom("| Pagina |\n|---|\n| [[kennisbank/git-workflow\\|Git]] |");

        var link = body.QuerySelector("td a")!;
        Assert.Equal("/wiki/kennisbank/git-workflow", link.GetAttribute("href"));
        Assert.Equal("Git", link.TextContent);
    }

    [Fact]
    public void WikiLinksWorkInsideEmphasisListsAndHeadings()
    {
        var result = Md.Render("- *Lees [[Onboarding]]*\n\n## Over [[Onboarding]]");

        var body = Md.Parse(result.Html);
        Assert.NotNull(body.QuerySelector("li em a.wikilink"));
        Assert.Equal("over-onboarding", body.QuerySelector("h2")!.Id);
    }
}
