using TeamWiki.Storage.Pages;

namespace TeamWiki.Storage.Tests.Pages;

public class SlugTests
{
    [Theory]
    [InlineData("Café-overleg", "cafe-overleg")]
    [InlineData("Coördinatie", "coordinatie")]
    [InlineData("Ideeën & privé", "ideeen-prive")]
    [InlineData("Één cliënt", "een-client")]
    [InlineData("  Hallo   wereld  ", "hallo-wereld")]
    [InlineData("ĳsbaan", "ijsbaan")]
    [InlineData("Øresund Æble", "oresund-aeble")]
    [InlineData("100% zeker!", "100-zeker")]
    [InlineData("---", "")]
    public void FoldsToLowerCaseAscii(string text, string expected) => Assert.Equal(expected, Slug.From(text));
}
