namespace TeamWiki.Web.Tests.Markup;

/// <summary>ToPlainText gives search and snippets the words of a page without its markup.</summary>
public class PlainTextTests
{
    [Fact]
    public void HeadingAndParagraphTextIsKeptAndMarkupDropped()
    {
        var text = Md.Renderer.ToPlainText("# Welkom\n\nDit is **vet**, *schuin* en ~~oud~~ met een [link](https://x.nl).\n\n---\n\n> Citaat");

        Assert.Equal("Welkom\nDit is vet, schuin en oud met een link.\nCitaat", text);
    }

    [Theory]
    [InlineData("Lees [[Onboarding]] eerst.", "Lees Onboarding eerst.")]
    [InlineData("Lees [[kennisbank/git-workflow|de Git-afspraken]].", "Lees de Git-afspraken.")]
    [InlineData("Lees [[kennisbank/git-workflow]].", "Lees kennisbank/git-workflow.")]
    public void WikiLinksBecomeTheirLabelOrTarget(string markdown, string expected)
    {
        Assert.Equal(expected, Md.Renderer.ToPlainText(markdown));
    }

    [Fact]
    public void APagesIndexedTextLeavesItsFrontMatterOut()
    {
        var text = Md.Renderer.ToPlainText(Md.PageBody("---\ntitle: Geheime titel\n---\nInhoud"));

        Assert.Equal("Inhoud", text);
    }

    [Fact]
    public void CodeIsKeptAsText()
    {
        var text = Md.Renderer.ToPlainText("Gebruik `git rebase -i`.\n\n```bash\ngit push --force-with-lease\n```");

        Assert.Equal("Gebruik git rebase -i.\ngit push --force-with-lease", text);
    }

    [Fact]
    public void RawHtmlLeavesOnlyItsVisibleText()
    {
        var text = Md.Renderer.ToPlainText("<details><summary>Meer</summary>Inhoud<script>steel()</script></details>\n\nTekst met <b>inline</b> html.");

        Assert.Equal("Meer Inhoud\nTekst met inline html.", text);
    }

    [Fact]
    public void ListsTablesAndFootnotesKeepTheirWords()
    {
        var text = Md.Renderer.ToPlainText("- [x] Laptop\n- Badge\n\n| Naam | Rol |\n|---|---|\n| Anna | HR |\n\nZie noot[^1].\n\n[^1]: De noot.");

        Assert.Equal("Laptop\nBadge\nNaam\nRol\nAnna\nHR\nZie noot.\nDe noot.", text);
    }

    [Fact]
    public void ImagesContributeTheirAltText()
    {
        Assert.Equal("Kijk: Plattegrond kantoor", Md.Renderer.ToPlainText("Kijk: ![Plattegrond kantoor](_media/kaart.png)"));
    }
}
