namespace TeamWiki.Web.Tests.Markup;

/// <summary>A complete Dutch page renders with every feature working together.</summary>
public class RealisticPageTests
{
    [Fact]
    public void AFullOnboardingPageRendersCompletely()
    {
        var result = Md.Render(Md.PageBody(SamplePages.Onboarding), SamplePages.OnboardingPath);
        var body = Md.Parse(result.Html);

        HtmlSafety.AssertHarmless(result.Html);
        Assert.DoesNotContain("tags:", result.Html);
        Assert.Equal("eerste-werkdag", body.QuerySelector("h1")!.Id);
        Assert.Equal(3, body.QuerySelectorAll("input[type=checkbox]").Length);
        Assert.Equal("/wiki/kennisbank/git-workflow#stap-2", body.QuerySelector("a[href*='git-workflow#']")!.GetAttribute("href"));
        Assert.Equal("/files/handboek/_media/plattegrond.svg", body.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("language-bash", body.QuerySelector("pre code")!.ClassName);
        Assert.Equal("nooit", body.QuerySelector("blockquote del")!.TextContent);
        Assert.NotNull(body.QuerySelector(".footnotes li#fn\\:1"));
        Assert.Equal("Ontvangst & koffie", body.QuerySelectorAll("tbody td")[1].TextContent);
        Assert.Equal("mailto:hr@lindeboom.nl", body.QuerySelector("a[href^=mailto]")!.GetAttribute("href"));
    }

    [Fact]
    public void AFullOnboardingPageReportsItsTocAndLinks()
    {
        var result = Md.Render(Md.PageBody(SamplePages.Onboarding), SamplePages.OnboardingPath);

        Assert.Equal(
            [(2, "eerste-week", "Eerste week"), (3, "maandag", "Maandag"), (3, "dinsdag", "Dinsdag"), (2, "coördinatie", "Coördinatie")],
            result.Toc.Select(e => (e.Level, e.Id, e.Text)));
        Assert.Equal(["handboek/onboarding", "handboek/toegangsbeleid", "handboek/coordinatie", "kennisbank/git-workflow"], result.LinkedPages);
        Assert.True(result.HasMissingLinks);
    }

    [Fact]
    public void AFullOnboardingPageHasReadablePlainText()
    {
        var text = Md.Renderer.ToPlainText(Md.PageBody(SamplePages.Onboarding));

        Assert.StartsWith("Eerste werkdag\nWelkom bij Lindeboom ICT! Deze pagina hoort bij Onboarding en", text);
        Assert.Contains("Badge aanvragen (zie Toegangsbeleid)", text);
        Assert.Contains("ssh -T git@git.lindeboom.nl", text);
        Assert.Contains("Overleg over roosters loopt via Coördinatie en het team van Git-beheer.", text);
        Assert.DoesNotContain("**", text);
        Assert.DoesNotContain("[[", text);
        Assert.DoesNotContain("title:", text);
    }
}
