namespace TeamWiki.Web.Tests.Markup;

/// <summary>
/// A ```mermaid block becomes a diagram container holding its source as text, which the bundled Mermaid
/// script draws in the browser; without script the source stays readable. Nothing else changes.
/// </summary>
public class DiagramRenderingTests
{
    private const string Flowchart = "```mermaid\nflowchart LR\n    A[Aanvraag] --> B{Akkoord?}\n    B -->|ja| C[Bestellen]\n```";

    [Fact]
    public void AMermaidBlockBecomesADiagramContainerWithItsSourceAsText()
    {
        var body = Md.Dom(Flowchart);

        var diagram = Assert.Single(body.QuerySelectorAll("pre.mermaid"));
        Assert.Equal("flowchart LR\n    A[Aanvraag] --> B{Akkoord?}\n    B -->|ja| C[Bestellen]\n", diagram.TextContent);
        Assert.Empty(diagram.Children);
        Assert.Null(body.QuerySelector("code"));
    }

    [Theory]
    [InlineData("```Mermaid")]
    [InlineData("~~~mermaid")]
    public void TheInfoStringIsReadAsGitHubReadsIt(string fence)
    {
        var close = fence.StartsWith('~') ? "~~~" : "```";

        Assert.NotNull(Md.Dom($"{fence}\ngraph TD\n  A --> B\n{close}").QuerySelector("pre.mermaid"));
    }

    [Fact]
    public void ScriptInADiagramStaysEscapedText()
    {
        var html = Md.Html("```mermaid\nflowchart LR\n  A[\"<script>alert(1)</script>\"] --> B[\"<img src=x onerror=alert(2)>\"]\n```");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        var diagram = Assert.Single(Md.Parse(html).QuerySelectorAll("pre.mermaid"));
        Assert.Empty(diagram.Children);
        Assert.Contains("<img src=x onerror=alert(2)>", diagram.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void AClosingPreInTheSourceCannotEndTheContainer()
    {
        var body = Md.Dom("```mermaid\ngraph TD\n  A[\"</pre><a href='javascript:alert(1)'>x</a>\"]\n```\n\nNa het diagram.");

        var diagram = Assert.Single(body.QuerySelectorAll("pre.mermaid"));
        Assert.Empty(diagram.Children);
        Assert.Null(body.QuerySelector("a"));
        Assert.Equal("Na het diagram.", body.QuerySelector("p")?.TextContent);
    }

    [Theory]
    [InlineData("```csharp\nvar x = 1;\n```", "language-csharp")]
    [InlineData("```mermaid-ish\ngraph TD\n```", "language-mermaid-ish")]
    [InlineData("```\ngraph TD\n```", null)]
    public void OtherFencedBlocksStayCode(string markdown, string? languageClass)
    {
        var body = Md.Dom(markdown);

        Assert.Null(body.QuerySelector(".mermaid"));
        var code = body.QuerySelector("pre > code");
        Assert.NotNull(code);
        Assert.Equal(languageClass, code.GetAttribute("class"));
    }

    [Fact]
    public void AnIndentedBlockSayingMermaidIsCode()
    {
        var body = Md.Dom("Tekst\n\n    mermaid\n    graph TD\n");

        Assert.Null(body.QuerySelector(".mermaid"));
        Assert.NotNull(body.QuerySelector("pre > code"));
    }

    [Fact]
    public void TheDiagramSourceIsSearchableText()
    {
        Assert.Contains("Aanvraag", Md.Renderer.ToPlainText(Flowchart), StringComparison.Ordinal);
    }

    [Fact]
    public void AuthorsCannotUseOtherClassesOnAPreOfTheirOwn()
    {
        var body = Md.Dom("<pre class=\"mermaid position-fixed\">graph TD</pre>");

        Assert.Equal("mermaid", body.QuerySelector("pre")?.GetAttribute("class"));
    }
}
