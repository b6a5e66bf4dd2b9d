namespace TeamWiki.Web.Tests.Markup;

/// <summary>Inline Markdown: emphasis extras, autolinks, line breaks.</summary>
public class InlineRenderingTests
{
    [Theory]
    [InlineData("~~oud~~", "del", "oud")]
    [InlineData("==let op==", "mark", "let op")]
    [InlineData("H~2~O", "sub", "2")]
    [InlineData("2^10^", "sup", "10")]
    [InlineData("**vet**", "strong", "vet")]
    [InlineData("*schuin*", "em", "schuin")]
    [InlineData("Druk op <kbd>Ctrl</kbd>", "kbd", "Ctrl")]
    public void InlineFormattingSurvivesSanitising(string markdown, string tag, string text)
    {
        Assert.Equal(text, Md.Dom(markdown).QuerySelector(tag)!.TextContent);
    }

    [Theory]
    [InlineData("Zie https://lindeboom.nl/over voor meer.", "https://lindeboom.nl/over")]
    [InlineData("Zie <https://lindeboom.nl/over> voor meer.", "https://lindeboom.nl/over")]
    [InlineData("Zie www.lindeboom.nl voor meer.", "https://www.lindeboom.nl")]
    public void UrlsBecomeExternalLinks(string markdown, string href)
    {
        var link = Md.Dom(markdown).QuerySelector("a")!;

        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Equal("noopener noreferrer nofollow", link.GetAttribute("rel"));
    }

    [Fact]
    public void EmailAutolinksUseMailto()
    {
        var link = Md.Dom("Mail <helpdesk@lindeboom.nl>.").QuerySelector("a")!;

        Assert.Equal("mailto:helpdesk@lindeboom.nl", link.GetAttribute("href"));
    }

    [Fact]
    public void InternalLinksGetNoRel()
    {
        var link = Md.Dom("[Onboarding](/wiki/handboek/onboarding)").QuerySelector("a")!;

        Assert.False(link.HasAttribute("rel"));
    }

    [Fact]
    public void SoftLineBreaksStaySoftLikeGitHubFiles()
    {
        var body = Md.Dom("Eerste regel\ntweede regel");

        Assert.Empty(body.QuerySelectorAll("br"));
        Assert.Equal("Eerste regel\ntweede regel", body.QuerySelector("p")!.TextContent);
    }

    [Fact]
    public void GenericAttributeSyntaxStaysText()
    {
        var heading = Md.Dom("# Kop {onclick=alert(1) .rood}").QuerySelector("h1")!;

        Assert.False(heading.HasAttribute("onclick"));
        Assert.False(heading.ClassList.Contains("rood"));
        Assert.StartsWith("Kop {onclick=alert(1) .rood}", heading.TextContent);
    }
}
