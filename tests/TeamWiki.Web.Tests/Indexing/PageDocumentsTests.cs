using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Spaces;
using TeamWiki.Web.Markup;
using TeamWiki.Web.Search.Indexing;

namespace TeamWiki.Web.Tests.Indexing;

public class PageDocumentsTests
{
    private sealed class FixedCatalog(ContentSnapshot snapshot) : IContentCatalog
    {
        public ContentSnapshot Current => snapshot;
    }

    private static readonly PageDocuments Documents = new(new MarkdownRenderer(), new FixedCatalog(new ContentSnapshot("c",
        [], [new SpaceInfo("intl", "International", "", "en"), new SpaceInfo("handboek", "Handboek", "")])));

    private static string Language(string path, string markdown)
    {
        var page = PagePath.Parse(path);
        var (meta, body) = FrontMatter.Split(markdown);
        return Documents.From(page, "t", body, meta, "a", DateTimeOffset.UtcNow).Language;
    }

    [Fact]
    public void PagesAreDutchUnlessThePageOrItsSpaceSaysEnglish()
    {
        Assert.Equal("nl", Language("handboek/a", "tekst"));
        Assert.Equal("en", Language("handboek/b", "---\nlang: en\n---\ntext"));
        Assert.Equal("en", Language("intl/c", "text"));
        Assert.Equal("nl", Language("intl/d", "---\nlang: nl\n---\ntekst"));
    }

    [Fact]
    public void TheBodyIsPlainTextAndHeadingsAreCollected()
    {
        var page = PagePath.Parse("handboek/x");
        var doc = Documents.From(page, "X", "## Eerste kop\n\nMet **vet** en [[Een link]].\n\n```\n## geen kop\n```\n", FrontMatter.Empty, "a", DateTimeOffset.UtcNow);
        Assert.Equal(["Eerste kop"], doc.Headings);
        Assert.DoesNotContain("**", doc.Body);
        Assert.Contains("vet", doc.Body);
    }
}
