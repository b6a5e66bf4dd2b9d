namespace TeamWiki.Web.Tests.Markup;

/// <summary>The table of contents lists level 2 and 3 headings with the ids the HTML uses.</summary>
public class TableOfContentsTests
{
    private const string Page = """
        # Welkom

        ## Eerste week

        ### Maandag

        #### Ochtend

        ```markdown
        ## not a heading
        ```

            ## ook geen kop (ingesprongen code)

        > ## In een citaat

        ## Vragen?
        """;

    [Fact]
    public void OnlyLevelsTwoAndThreeAppearInOrder()
    {
        var toc = Md.Render(Page).Toc;

        Assert.Equal([(2, "Eerste week"), (3, "Maandag"), (2, "In een citaat"), (2, "Vragen?")], toc.Select(e => (e.Level, e.Text)));
    }

    [Fact]
    public void HeadingsInsideCodeBlocksAreNotListed()
    {
        var toc = Md.Render(Page).Toc;

        Assert.DoesNotContain(toc, e => e.Text.Contains("not a heading", StringComparison.Ordinal));
        Assert.DoesNotContain(toc, e => e.Text.Contains("ingesprongen", StringComparison.Ordinal));
    }

    [Fact]
    public void TocIdsMatchTheRenderedHeadingIds()
    {
        var result = Md.Render(Page + "\n\n## Vragen?\n\n## Coördinatie & overleg");

        var body = Md.Parse(result.Html);
        Assert.Equal(["eerste-week", "maandag", "in-een-citaat", "vragen", "vragen-1", "coördinatie--overleg"], result.Toc.Select(e => e.Id));
        Assert.All(result.Toc, entry => Assert.Equal(entry.Text, body.QuerySelector($"[id='{entry.Id}']")!.FirstChild!.TextContent.Trim()));
    }

    [Fact]
    public void TocTextIsPlainTextWithResolvedWikiLinkTitles()
    {
        var entry = Assert.Single(Md.Render("## Werken met *Git* en `rebase` in [[onboarding]] <span>x</span>").Toc);

        Assert.Equal("Werken met Git en rebase in Onboarding x", entry.Text);
    }

    [Fact]
    public void PagesWithoutSubheadingsHaveAnEmptyToc()
    {
        Assert.Empty(Md.Render("# Alleen een titel\n\nTekst.").Toc);
    }
}
