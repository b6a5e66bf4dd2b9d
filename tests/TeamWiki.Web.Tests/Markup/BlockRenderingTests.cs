using TeamWiki.Web.Markup;

namespace TeamWiki.Web.Tests.Markup;

/// <summary>Block-level Markdown renders to the expected, sanitiser-surviving HTML.</summary>
public class BlockRenderingTests
{
    [Theory]
    [InlineData("## Eerste week", "h2", "eerste-week")]
    [InlineData("# Welkom bij Lindeboom ICT", "h1", "welkom-bij-lindeboom-ict")]
    [InlineData("### Stap 2: klaar?", "h3", "stap-2-klaar")]
    [InlineData("Setext kop\n---", "h2", "setext-kop")]
    public void HeadingsGetGitHubStyleIds(string markdown, string tag, string id)
    {
        var heading = Md.Dom(markdown).QuerySelector(tag)!;

        Assert.Equal(id, heading.Id);
    }

    [Fact]
    public void DuplicateHeadingsGetNumberedIds()
    {
        var ids = Md.Dom("## Vragen\n\n## Vragen").QuerySelectorAll("h2").Select(h => h.Id);

        Assert.Equal(["vragen", "vragen-1"], ids);
    }

    [Fact]
    public void HeadingsCarryAnAccessibleSelfLink()
    {
        var anchor = Md.Dom("## Eerste week").QuerySelector("h2 > a.anchor")!;

        Assert.Equal("#eerste-week", anchor.GetAttribute("href"));
        Assert.False(string.IsNullOrWhiteSpace(anchor.GetAttribute("aria-label")));
    }

    [Fact]
    public void TablesKeepColumnAlignment()
    {
        var body = Md.Dom("| Naam | Uren | Status |\n|:-----|-----:|:------:|\n| Anna | 32 | actief |");

        var headers = body.QuerySelectorAll("thead th").Select(th => th.GetAttribute("style")!.Replace(" ", "").TrimEnd(';'));
        Assert.Equal(["text-align:left", "text-align:right", "text-align:center"], headers);
        Assert.Equal(["Anna", "32", "actief"], body.QuerySelectorAll("tbody td").Select(td => td.TextContent));
    }

    [Fact]
    public void TaskListsRenderDisabledCheckboxes()
    {
        var boxes = Md.Dom("- [x] Laptop ophalen\n- [ ] Wachtwoord wijzigen").QuerySelectorAll("li.task-list-item input");

        Assert.Equal(2, boxes.Length);
        Assert.All(boxes, box => Assert.Equal("checkbox", box.GetAttribute("type")));
        Assert.All(boxes, box => Assert.True(box.HasAttribute("disabled")));
        Assert.True(boxes[0].HasAttribute("checked"));
        Assert.False(boxes[1].HasAttribute("checked"));
    }

    [Fact]
    public void TaskListCheckboxesAreNamedAfterTheirOwnItemsText()
    {
        var boxes = Md.Dom("- [x] Laptop **ophalen** bij [[Welkom|de balie]]\n  - [ ] sleutel meenemen\n- [ ] Wachtwoord wijzigen").QuerySelectorAll("li.task-list-item input");

        Assert.Equal(3, boxes.Length);
        Assert.Equal("Laptop ophalen bij de balie", boxes[0].GetAttribute("aria-label"));
        Assert.Equal("sleutel meenemen", boxes[1].GetAttribute("aria-label"));
        Assert.Equal("Wachtwoord wijzigen", boxes[2].GetAttribute("aria-label"));
    }

    [Fact]
    public void FootnotesLinkBothWays()
    {
        var body = Md.Dom("Zie de regeling.[^1]\n\n[^1]: Artikel 4 van de cao.");

        Assert.Equal("#fn:1", body.QuerySelector("a.footnote-ref")!.GetAttribute("href"));
        var note = body.QuerySelector(".footnotes li#fn\\:1")!;
        Assert.Contains("Artikel 4 van de cao.", note.TextContent);
        Assert.Equal("#fnref:1", note.QuerySelector("a.footnote-back-ref")!.GetAttribute("href"));
    }

    [Fact]
    public void FencedCodeKeepsItsLanguageClass()
    {
        var code = Md.Dom("```csharp\nvar x = 1 < 2;\n```").QuerySelector("pre > code")!;

        Assert.Equal("language-csharp", code.ClassName);
        Assert.Equal("var x = 1 < 2;\n", code.TextContent);
    }

    [Fact]
    public void BlockquotesAndNestedListsKeepTheirStructure()
    {
        var body = Md.Dom("> Let op: **altijd** vergrendelen.\n\n- Eerste\n  - Genest\n    1. Diep\n- Tweede");

        Assert.Equal("altijd", body.QuerySelector("blockquote p strong")!.TextContent);
        Assert.Equal("Diep", body.QuerySelector("ul > li > ul > li > ol > li")!.TextContent);
        Assert.Equal(2, body.QuerySelectorAll("body > ul > li").Length);
    }

    [Fact]
    public void DefinitionListsRender()
    {
        var body = Md.Dom("VPN\n:   Beveiligde verbinding met kantoor");

        Assert.Equal("VPN", body.QuerySelector("dl > dt")!.TextContent);
        Assert.Equal("Beveiligde verbinding met kantoor", body.QuerySelector("dl > dd")!.TextContent);
    }

    [Fact]
    public void APagesFrontMatterIsNotRendered()
    {
        var pages = new PageRenderer(Md.Renderer, new ReaderCatalog(), new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions()));
        var html = pages.Preview("---\ntitle: Geheim\ntags: [intern]\n---\n# Zichtbaar", TeamWiki.Storage.Pages.PagePath.Parse("handboek/start"), ReaderCatalog.Member).Html;

        Assert.DoesNotContain("Geheim", html);
        Assert.DoesNotContain("intern", html);
        Assert.Contains("Zichtbaar", html);
        Assert.DoesNotContain("<hr", html);
    }

    [Fact]
    public void ALeadingBlockThatIsNoYamlMappingRendersAsCommonMarkSays()
    {
        // CommonMark 0.31.2, example 99: a thematic break, then two setext headings and a paragraph.
        var pages = new PageRenderer(Md.Renderer, new ReaderCatalog(), new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions()));
        var body = Md.Parse(pages.Preview("---\nFoo\n---\nBar\n---\nBaz\n", TeamWiki.Storage.Pages.PagePath.Parse("handboek/start"), ReaderCatalog.Member).Html);

        Assert.Single(body.QuerySelectorAll("hr"));
        Assert.Equal(["Foo", "Bar"], body.QuerySelectorAll("h2").Select(h => h.FirstChild?.TextContent.Trim()));
        Assert.Equal("Baz", body.QuerySelector("p")?.TextContent.Trim());
    }

    [Theory]
    [InlineData("NOTE", "note")]
    [InlineData("TIP", "tip")]
    [InlineData("IMPORTANT", "important")]
    [InlineData("WARNING", "warning")]
    [InlineData("CAUTION", "caution")]
    public void ACalloutRendersAsAnAlertWithItsKindAndText(string marker, string kind)
    {
        var body = Md.Dom($"> [!{marker}]\n> Denk aan de **deadline**.");

        var alert = body.QuerySelector($"div.markdown-alert.markdown-alert-{kind}");
        Assert.NotNull(alert);
        Assert.NotNull(alert.QuerySelector("p.markdown-alert-title"));
        Assert.Equal("deadline", alert.QuerySelector("strong")?.TextContent);
        Assert.Null(body.QuerySelector("blockquote"));
    }

    [Fact]
    public void AQuoteWithAnUnknownMarkerStaysAQuote()
    {
        var body = Md.Dom("> [!ONZIN]\n> Gewoon een citaat.");

        Assert.NotNull(body.QuerySelector("blockquote"));
        Assert.Null(body.QuerySelector(".markdown-alert"));
    }
}
