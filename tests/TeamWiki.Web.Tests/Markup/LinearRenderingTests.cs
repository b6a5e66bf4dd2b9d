using System.Text;
using AngleSharp.Dom;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Microsoft.Extensions.Caching.Memory;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Markup;

namespace TeamWiki.Web.Tests.Markup;

/// <summary>
/// The shapes that made rendering quadratic (seconds to minutes for a few hundred kilobytes) are cut to
/// size structurally: bounded nesting, bounded look-ahead, bounded numbers of links, linear ids. These
/// tests assert the structure; bench/TeamWiki.Bench (rendering) measures the time.
/// </summary>
public class LinearRenderingTests
{
    private static string Repeat(string unit, int bytes)
    {
        var text = new StringBuilder();
        while (text.Length < bytes)
        {
            text.Append(unit);
        }

        return text.ToString();
    }

    private static int Depth(INode node)
    {
        var deepest = 0;
        var stack = new Stack<(INode Node, int Depth)>();
        stack.Push((node, 0));
        while (stack.Count > 0)
        {
            var (current, depth) = stack.Pop();
            deepest = Math.Max(deepest, depth);
            foreach (var child in current.ChildNodes)
            {
                stack.Push((child, depth + 1));
            }
        }

        return deepest;
    }

    [Fact]
    public void DeeplyNestedRawHtmlIsCutAtTheNestingLimit()
    {
        var html = Md.Html(Repeat("<div>", 250_000) + "binnenin");

        Assert.InRange(Depth(Md.Parse(html)), 1, HtmlShapeLimiter.MaxDepth + 2);
        Assert.Contains("binnenin", html);
        Assert.True(html.Length < 10_000, $"{html.Length:N0} characters of output for nesting that was cut");
    }

    [Fact]
    public void NestingWithinTheLimitIsKept()
    {
        var html = Md.Html(Repeat("<div>", 5 * 20) + "binnenin" + Repeat("</div>", 6 * 20));

        Assert.Equal(21, Depth(Md.Parse(html)));
    }

    [Fact]
    public void AFloodOfUnclosedInlineLinksStaysTextOfTheSameSize()
    {
        var markdown = Repeat("[a](", 200_000);

        var html = Md.Html(markdown);

        Assert.DoesNotContain("<a ", html);
        Assert.InRange(html.Length, markdown.Length, markdown.Length + 100);
    }

    [Fact]
    public void LinksWithinTheLookAheadBoundStillWork()
    {
        var longUrl = "https://example.org/" + new string('x', 2_000);
        var dom = Md.Dom($"[lang]({longUrl} \"titel\") en [haakjes](https://nl.wikipedia.org/wiki/Ajax_(voetbalclub)) en [[a]](b)");

        var links = dom.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(longUrl, links);
        Assert.Contains("https://nl.wikipedia.org/wiki/Ajax_(voetbalclub)", links);
    }

    [Fact]
    public void ALinkLongerThanTheLookAheadBoundStaysText()
    {
        // Relative, so the bare URL does not become an autolink of its own.
        var tooLong = "/pagina/" + new string('x', BoundedLinkInlineParser.MaxLinkTail);

        var dom = Md.Dom($"[te lang]({tooLong})");

        Assert.Empty(dom.QuerySelectorAll("a"));
        Assert.Contains("te lang", dom.TextContent);
    }

    [Fact]
    public void OnlyTheFirstMentionsOfAFloodBecomeLinks()
    {
        var markdown = Repeat("@a ", 180_000);

        var html = Md.Html(markdown);

        Assert.Equal(MentionInlineParser.MaxMentions, Md.Parse(html).QuerySelectorAll("a.mention").Length);
        Assert.Equal(["a"], Md.Renderer.Mentions(markdown));
    }

    [Fact]
    public void OnlyTheFirstWikiLinksOfAFloodAreResolved()
    {
        var html = Md.Html(Repeat("[[a]] ", 60_000));

        Assert.Equal(WikiLinkInlineParser.MaxLinks, Md.Parse(html).QuerySelectorAll("a.wikilink").Length);
    }

    [Fact]
    public void OnlyTheFirstAutolinksOfAFloodAreTried()
    {
        var html = Md.Html("Zie https://example.org/start. " + Repeat("www.a.nl ", 100_000));

        var links = Md.Parse(html).QuerySelectorAll("a");
        Assert.Equal(BoundedAutoLinkParser.MaxAutoLinks, links.Length);
        Assert.Equal("https://example.org/start", links[0].GetAttribute("href"));
    }

    [Fact]
    public void RepeatedHeadingsGetTheIdsMarkdigWouldGive()
    {
        var markdown = string.Join("\n\n", ["## Kop", "## Kop", "## Kop-1", "## Kop", "Kop\n---", "## kop 1", "##", "## Kop **vet**", "## [[Kop]]", "## Kop"]);
        var markdig = new MarkdownPipelineBuilder().UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub).Build();
        var expected = Markdown.Parse(markdown, markdig).Descendants<HeadingBlock>().Select(h => h.GetAttributes().Id).ToList();

        var ids = Md.Dom(markdown).QuerySelectorAll("h1, h2").Select(h => h.Id).ToList();

        Assert.Equal(expected, ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void ThousandsOfIdenticalHeadingsGetDistinctIds()
    {
        var ids = Md.Dom(Repeat("## Kop\n\n", 80_000)).QuerySelectorAll("h2").Select(h => h.Id).ToList();

        Assert.Equal(10_000, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal("kop-9999", ids[^1]);
    }

    [Fact]
    public void FloodsOfCommentsAndRemovedTagsLeaveNothingActive()
    {
        var markdown = Repeat("<!-- x --><script>alert(1)</script><x>y</x><input type=text>", 200_000);

        var html = Md.Html(markdown);

        HtmlSafety.AssertHarmless(html);
        Assert.DoesNotContain("<!--", html);
        Assert.DoesNotContain("<input", html);
        Assert.True(html.Length < markdown.Length, $"{html.Length:N0} characters of output from {markdown.Length:N0}");
    }

    [Theory]
    [InlineData(SamplePages.Onboarding)]
    [InlineData("<details><summary>Meer</summary>\n\n```\n\ncode\n```\n</details>\n\n<pre>\n\neerste regel</pre>")]
    public void TheLinearWriterWritesWhatAngleSharpWouldWrite(string markdown)
    {
        var dom = Md.Dom(markdown);
        var ours = new StringWriter();
        HtmlFragmentWriter.WriteChildren(dom, ours, AngleSharp.Html.HtmlMarkupFormatter.Instance);

        Assert.Equal(dom.InnerHtml, ours.ToString());
    }

    [Fact]
    public void ThePreviewOfTextRenderedBeforeComesFromTheCache()
    {
        using var cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = 100 });
        var pages = new PageRenderer(Md.Renderer, new FixedCatalog(), cache);
        var path = PagePath.Parse("handboek/concept");

        var reader = ReadableSpaces.Only(["handboek"]);
        var first = pages.Preview("# Concept\n\nTekst", path, reader);
        var other = pages.Preview("# Concept\n\nAndere tekst", path, reader);
        var again = pages.Preview("# Concept\n\nTekst", path, reader);
        var forAnotherReader = pages.Preview("# Concept\n\nTekst", path, ReadableSpaces.All);

        Assert.Same(first, again);
        Assert.NotSame(first, other);
        Assert.NotSame(first, forAnotherReader);
        Assert.Contains("Andere tekst", other.Html);
    }

    private sealed class FixedCatalog : IContentCatalog
    {
        public ContentSnapshot Current { get; } = new("c", [], []);
    }
}
