using TeamWiki.Web.Markup;

namespace TeamWiki.Web.Tests.Markup;

/// <summary>Absurd or broken input degrades to something readable instead of failing the page.</summary>
public class RobustnessTests
{
    public static TheoryData<string, string> PathologicalPages => new()
    {
        { "unclosed wiki links", string.Concat(Enumerable.Repeat("[[", 10_000)) },
        { "unclosed links with text", string.Concat(Enumerable.Repeat("[[" + new string('a', 900), 300)) },
        { "deep block quotes", new string('>', 3000) + " diep" },
        { "deep lists", string.Concat(Enumerable.Repeat("- ", 1000)) + "diep" },
        { "unbalanced emphasis", string.Concat(Enumerable.Repeat("*a **b ", 1500)) },
    };

    [Theory]
    [MemberData(nameof(PathologicalPages))]
    public void PathologicalInputStillRendersSafely(string name, string markdown)
    {
        var result = Md.Render(markdown);

        Assert.False(string.IsNullOrEmpty(result.Html), name);
        HtmlSafety.AssertHarmless(result.Html);
        Assert.NotNull(Md.Renderer.ToPlainText(markdown));
    }

    [Fact]
    public void InputMarkdigCannotRenderIsShownAsEscapedSource()
    {
        var markdown = string.Concat(Enumerable.Repeat("[[<b>" + new string('a', 900), 300));

        var html = Md.Html(markdown);

        var pre = Md.Parse(html).QuerySelector("pre.markdown-unparsable")!;
        Assert.Equal(markdown, pre.TextContent);
        Assert.DoesNotContain("<b>", html);
    }

    [Fact]
    public void NullArgumentsAreRejected()
    {
        var resolver = new TestWikiLinkResolver();

        Assert.Throws<ArgumentNullException>(() => Md.Renderer.Render(null!, "a/b", resolver));
        Assert.Throws<ArgumentNullException>(() => Md.Renderer.Render("x", null!, resolver));
        Assert.Throws<ArgumentNullException>(() => Md.Renderer.Render("x", "a/b", null!));
        Assert.Throws<ArgumentNullException>(() => Md.Renderer.ToPlainText(null!));
    }

    [Fact]
    public void AResolverReturningNullIsReportedClearly()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Md.Renderer.Render("[[x]]", "a/b", new NullResolver()));

        Assert.Contains("NullResolver", error.Message);
    }

    [Fact]
    public void EmptyInputRendersNothing()
    {
        var result = Md.Render(string.Empty);

        Assert.Equal(string.Empty, result.Html);
        Assert.Empty(result.Toc);
        Assert.Equal(string.Empty, Md.Renderer.ToPlainText(Md.PageBody("---\ntitle: Leeg\n---\n")));
    }

    private sealed class NullResolver : IWikiLinkResolver
    {
        public WikiLinkTarget Resolve(string target, string currentSpace) => null!;
    }
}
