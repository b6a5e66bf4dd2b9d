using TeamWiki.Storage.Pages;

namespace TeamWiki.Storage.Tests.Pages;

public class FrontMatterTests
{
    [Fact]
    public void ReadsTitleTagsDescriptionAndLanguage()
    {
        var (meta, body) = FrontMatter.Split("---\ntitle: Welkom\ntags: [Onboarding, cultuur]\ndescription: Kort\nlang: en\n---\n\nTekst\n");
        Assert.Equal("Welkom", meta.Title);
        Assert.Equal(["onboarding", "cultuur"], meta.Tags);
        Assert.Equal("Kort", meta.Description);
        Assert.Equal("en", meta.Language);
        Assert.Equal("\nTekst\n", body);
    }

    [Fact]
    public void TagsMayBeACommaSeparatedString()
    {
        var (meta, _) = FrontMatter.Split("---\ntags: git, Review , Git\n---\n");
        Assert.Equal(["git", "review"], meta.Tags);
    }

    [Fact]
    public void BrokenYamlLeavesThePageWithoutMetadataAndKeepsItsText()
    {
        const string text = "---\ntitle: [unclosed\n---\nTekst";
        var (meta, body) = FrontMatter.Split(text);
        Assert.Null(meta.Title);
        Assert.Equal(text, body);
    }

    [Theory]
    [InlineData("---\nFoo\n---\nBar\n---\nBaz\n")] // CommonMark 0.31.2: a thematic break, then setext headings
    [InlineData("---\n- een\n- twee\n---\nTekst\n")] // a list, not a mapping
    [InlineData("---\n---\nTekst\n")] // two thematic breaks
    public void ALeadingBlockThatIsNoYamlMappingIsMarkdown(string text)
    {
        var (meta, body) = FrontMatter.Split(text);
        Assert.Same(FrontMatter.Empty, meta);
        Assert.Equal(text, body);
    }

    [Fact]
    public void AnUnterminatedBlockIsPlainText()
    {
        const string text = "---\ntitle: nooit gesloten\n\nTekst";
        var (meta, body) = FrontMatter.Split(text);
        Assert.Same(FrontMatter.Empty, meta);
        Assert.Equal(text, body);
    }

    [Fact]
    public void ComposeRoundTrips()
    {
        var text = FrontMatter.Compose("Project: \"Atlas\"", ["planning", "klant"], "Body\n");
        var (meta, body) = FrontMatter.Split(text);
        Assert.Equal("Project: \"Atlas\"", meta.Title);
        Assert.Equal(["planning", "klant"], meta.Tags);
        Assert.Equal("\nBody\n", body);
    }

    [Fact]
    public void ASpaceMayBeEnglish()
    {
        var space = TeamWiki.Storage.Spaces.SpaceMetadata.Parse("intl", "name: International\nlang: en\n");
        Assert.Equal("en", space.Language);
        Assert.Null(TeamWiki.Storage.Spaces.SpaceMetadata.Parse("x", "name: X\n").Language);
        var written = System.Text.Encoding.UTF8.GetString(TeamWiki.Storage.Spaces.SpaceMetadata.Write(space));
        Assert.Equal(space, TeamWiki.Storage.Spaces.SpaceMetadata.Parse("intl", written));
    }

    [Theory]
    [InlineData("---\ntitle: Uit front matter\n---\n# Kop\n", "Uit front matter")]
    [InlineData("Inleiding\n\n# Eerste kop\n\n# Tweede", "Eerste kop")]
    [InlineData("Geen kop", "Eerste werkdag")]
    public void TitleComesFromFrontMatterThenHeadingThenPath(string text, string expected)
    {
        var (meta, body) = FrontMatter.Split(text);
        Assert.Equal(expected, PageTitles.Of(PagePath.Parse("handboek/eerste-werkdag"), meta, body));
    }
}
