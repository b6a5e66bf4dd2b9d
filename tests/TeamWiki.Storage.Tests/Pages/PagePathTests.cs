using TeamWiki.Storage.Pages;

namespace TeamWiki.Storage.Tests.Pages;

public class PagePathTests
{
    [Theory]
    [InlineData("handboek/onboarding", "handboek/onboarding")]
    [InlineData("Handboek/Onboarding", "handboek/onboarding")]
    [InlineData("handboek/Café-overleg", "handboek/cafe-overleg")]
    [InlineData("kennisbank/Coördinatie van ideeën", "kennisbank/coordinatie-van-ideeen")]
    [InlineData("handboek/onboarding/eerste-werkdag", "handboek/onboarding/eerste-werkdag")]
    [InlineData("handboek/onboarding.md", "handboek/onboarding")]
    [InlineData("handboek/onboarding/", "handboek/onboarding")]
    [InlineData("project-atlas/Straße 12", "project-atlas/strasse-12")]
    public void ParsingNormalisesCaseDiacriticsAndSpaces(string input, string expected) =>
        Assert.Equal(expected, PagePath.Parse(input).Value);

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("handboek", "inside a space")]
    [InlineData("../etc/passwd", "'..'")]
    [InlineData("handboek/../../etc/passwd", "'..'")]
    [InlineData("handboek/./pagina", "'..'")]
    [InlineData("/etc/passwd", "relative")]
    [InlineData("C:/windows/system", "relative")]
    [InlineData("handboek\\pagina", "'\\'")]
    [InlineData("handboek/pa\u0000gina", "control character")]
    [InlineData("handboek/pa\ngina", "control character")]
    [InlineData("handboek/pa\u001bgina", "control character")]
    [InlineData("handboek/pa\uFFFDgina", "UTF-8")]
    [InlineData("handboek/pa\uD800gina", "UTF-8")]
    [InlineData("handboek//pagina", "empty segment")]
    [InlineData("handboek/_tasks", "reserved")]
    [InlineData("handboek/.git", "reserved")]
    [InlineData("handboek/!!!", "no letters")]
    [InlineData("handboek/%2e%2e", "'%'")]
    public void BadInputIsRefusedWithAReason(string input, string reasonPart)
    {
        var ex = Assert.Throws<InvalidPagePathException>(() => PagePath.Parse(input));
        Assert.Contains(reasonPart, ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void OverLongPathsAreRefused()
    {
        Assert.Throws<InvalidPagePathException>(() => PagePath.Parse("handboek/" + new string('a', 400)));
        Assert.Throws<InvalidPagePathException>(() => PagePath.Parse(string.Join('/', Enumerable.Repeat("a", 11))));
    }

    [Fact]
    public void LongSegmentsAreCutAtAHyphen()
    {
        var path = PagePath.Parse("handboek/" + string.Join(' ', Enumerable.Repeat("kennisdeling", 12)));
        Assert.True(path.Name.Length <= Slug.MaxLength);
        Assert.False(path.Name.EndsWith('-'));
    }

    [Fact]
    public void EmojiAreDroppedNotRefused() =>
        Assert.Equal("handboek/feest", PagePath.Parse("handboek/feest 🎉").Value);

    [Fact]
    public void PartsOfAPath()
    {
        var path = PagePath.Parse("handboek/onboarding/eerste-werkdag");
        Assert.Equal("handboek", path.Space);
        Assert.Equal("eerste-werkdag", path.Name);
        Assert.Equal("handboek/onboarding", path.Parent?.Value);
        Assert.Null(path.Parent!.Value.Parent);
        Assert.Equal("handboek/onboarding/eerste-werkdag.md", path.FilePath);
    }

    [Theory]
    [InlineData("handboek/onboarding.md", "handboek/onboarding")]
    [InlineData("handboek/_space.yml", null)]
    [InlineData("handboek/_media/plaatje.md", null)]
    [InlineData("README.md", null)]
    [InlineData("Handboek/Hoofdletters.md", null)]
    [InlineData("handboek/plaatje.png", null)]
    public void OnlyCanonicalMarkdownFilesInsideASpaceArePages(string file, string? expected) =>
        Assert.Equal(expected, PagePath.FromFilePath(file)?.Value);
}
