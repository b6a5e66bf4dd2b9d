using TeamWiki.Web.Markup;

namespace TeamWiki.Web.Tests.Markup;

/// <summary>
/// One renderer for the whole test run, the way the app shares it as a singleton; sharing it across
/// test classes that xunit runs in parallel is itself a small thread-safety check.
/// </summary>
internal static class Md
{
    public const string DefaultPage = "handboek/welkom";

    public static MarkdownRenderer Renderer { get; } = new();

    /// <summary>A page file's Markdown body: its front matter taken off, as the page store does before rendering.</summary>
    public static string PageBody(string pageFile) => TeamWiki.Storage.Pages.FrontMatter.Split(pageFile).Body;

    public static RenderedMarkdown Render(string markdown, string pagePath = DefaultPage)
        => Renderer.Render(markdown, pagePath, new TestWikiLinkResolver());

    public static string Html(string markdown, string pagePath = DefaultPage)
        => Render(markdown, pagePath).Html;

    /// <summary>The rendered HTML parsed back into a DOM, for assertions on structure instead of strings.</summary>
    public static AngleSharp.Dom.IElement Dom(string markdown, string pagePath = DefaultPage)
        => Parse(Html(markdown, pagePath));

    public static AngleSharp.Dom.IElement Parse(string html)
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var document = parser.ParseDocument("<!doctype html><html><body></body></html>");
        var body = document.Body!;
        body.InnerHtml = html;
        return body;
    }
}
