using TeamWiki.Storage.Pages;

namespace TeamWiki.Storage.Tests.Pages;

/// <summary>The editor's title and tags fields written back into a page's front matter.</summary>
public class FrontMatterRebuildTests
{
    private const string Rich = """
        ---
        # Kept by the team: do not remove
        title: Verlof
        tags: [verlof, hr]
        description: "Hoe je vrij vraagt"   # shown in search
        owner:
          name: Petra
          team: hr
        review: 2026-01-01
        ---

        # Verlof aanvragen

        Vraag het twee weken vooraf aan.
        """;

    [Fact]
    public void TheTextBoxHoldsOnlyTheBodyAndHeadPlusBodyIsTheFileAgain()
    {
        var cut = FrontMatterHead.Cut(Rich);

        Assert.Equal("# Verlof aanvragen\n\nVraag het twee weken vooraf aan.", cut.Body);
        Assert.Equal("Verlof", cut.Meta.Title);
        Assert.Equal(["verlof", "hr"], cut.Meta.Tags);
        Assert.Equal(Rich, cut.Head + cut.Body);
    }

    [Fact]
    public void UnchangedFieldsGiveTheFileByteForByte()
    {
        var crlf = Rich.Replace("\n", "\r\n");
        var cut = FrontMatterHead.Cut(crlf);

        Assert.Equal(crlf, FrontMatterRebuild.Compose(cut, "Verlof", ["Verlof", " hr"], cut.Body));
    }

    [Fact]
    public void ANewTitleAndTagKeepEveryOtherKeyAndItsComments()
    {
        var cut = FrontMatterHead.Cut(Rich);

        var file = FrontMatterRebuild.Compose(cut, "Verlof en vakantie", ["verlof", "hr", "vakantie"], cut.Body + "\nNieuwe regel.\n");

        Assert.Equal("""
            ---
            # Kept by the team: do not remove
            title: Verlof en vakantie
            tags: [verlof, hr, vakantie]
            description: "Hoe je vrij vraagt"   # shown in search
            owner:
              name: Petra
              team: hr
            review: 2026-01-01
            ---

            # Verlof aanvragen

            Vraag het twee weken vooraf aan.
            Nieuwe regel.

            """, file);
    }

    [Fact]
    public void ABlockSequenceOfTagsIsReplacedWholeAndTheNextKeyStays()
    {
        var cut = FrontMatterHead.Cut("---\ntitle: X\ntags:\n  - a\n  - b\n\nlang: nl\n---\nTekst\n");

        var file = FrontMatterRebuild.Compose(cut, "X", ["c"], cut.Body);

        Assert.Equal("---\ntitle: X\ntags: [c]\n\nlang: nl\n---\nTekst\n", file);
    }

    [Fact]
    public void ClearingTitleAndTagsRemovesTheirLinesOnly()
    {
        var cut = FrontMatterHead.Cut("---\ntitle: X\ntags: [a]\nlang: en\n---\n\nTekst\n");

        Assert.Equal("---\nlang: en\n---\n\nTekst\n", FrontMatterRebuild.Compose(cut, "  ", [], cut.Body));
    }

    [Fact]
    public void ABlockLeftWithoutKeysGoesAway()
    {
        var cut = FrontMatterHead.Cut("---\ntitle: X\n---\n\nTekst\n");

        Assert.Equal("Tekst\n", FrontMatterRebuild.Compose(cut, null, [], cut.Body));
    }

    [Fact]
    public void APageWithoutFrontMatterThatGetsNoTitleOrTagsStaysWithoutIt()
    {
        var cut = FrontMatterHead.Cut("# Kop\n\nTekst\n");

        Assert.Null(cut.Head);
        Assert.Equal("# Kop\n\nTekst, langer\n", FrontMatterRebuild.Compose(cut, "", [], "# Kop\n\nTekst, langer\n"));
    }

    [Fact]
    public void APageWithoutFrontMatterGetsABlockWhenItGetsATitleOrTags()
    {
        var cut = FrontMatterHead.Cut("Tekst\n");

        var file = FrontMatterRebuild.Compose(cut, "Titel: met dubbele punt", ["#Nieuw"], cut.Body);

        Assert.Equal("---\ntitle: \"Titel: met dubbele punt\"\ntags: [nieuw]\n---\n\nTekst\n", file);
        var again = FrontMatterHead.Cut(file);
        Assert.Equal("Titel: met dubbele punt", again.Meta.Title);
        Assert.Equal("Tekst\n", again.Body);
    }

    [Fact]
    public void ALeadingBlockThatIsNoYamlMappingStaysInTheBodyAsItIs()
    {
        const string file = "---\nNot: yaml: at all: [\n---\n\nTekst\n";
        var cut = FrontMatterHead.Cut(file);

        Assert.Null(cut.Head);
        Assert.Equal(file, cut.Body);
        Assert.Equal(file, FrontMatterRebuild.Compose(cut, null, [], cut.Body));
        var titled = FrontMatterRebuild.Compose(cut, "Titel", [], cut.Body);
        Assert.Equal("---\ntitle: Titel\n---\n\n" + file, titled);
        Assert.Equal(file, FrontMatter.Split(titled).Body.TrimStart('\n'));
    }

    [Fact]
    public void AFlowMappingIsWrittenAgainByTheParserWithItsOtherKeys()
    {
        var cut = FrontMatterHead.Cut("---\n{title: X, owner: petra, tags: [a]}\n---\nTekst\n");

        var file = FrontMatterRebuild.Compose(cut, "Y", ["a"], cut.Body);

        var (meta, body) = FrontMatter.Split(file);
        Assert.Equal("Y", meta.Title);
        Assert.Equal(["a"], meta.Tags);
        Assert.Contains("owner: petra", file);
        Assert.Equal("Tekst\n", body);
    }

    [Fact]
    public void FrontMatterTypedIntoTheTextBoxIsTheBlockTheFieldsChange()
    {
        var cut = FrontMatterHead.Cut("---\ntitle: Oud\n---\n\nTekst\n");

        var file = FrontMatterRebuild.Compose(cut, "Oud", [], "---\ntitle: Getypt\nlang: en\n---\n\nAndere tekst\n");

        Assert.Equal("---\ntitle: Getypt\nlang: en\n---\n\nAndere tekst\n", file);
    }
}
