using System.Net;
using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;

namespace TeamWiki.Web.Markup;

/// <summary>
/// Renders wiki pages from Markdown to sanitised HTML, and to plain text for search.
/// </summary>
/// <remarks>
/// Immutable and thread-safe: build once and register as a singleton. It holds the Markdig pipeline
/// and the sanitizer; everything that varies per page (the path, the link resolver) is passed to
/// <see cref="Render"/> and only touches that call's own syntax tree.
/// </remarks>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline;
    private readonly WikiHtmlSanitizer _sanitizer;

    /// <summary>Builds the pipeline and the sanitizer; relatively costly, so do it once.</summary>
    public MarkdownRenderer()
    {
        _pipeline = WikiMarkdownPipeline.Build();
        _sanitizer = new WikiHtmlSanitizer();
    }

    /// <summary>
    /// Renders a page body to sanitised HTML with its table of contents and wiki-link facts.
    /// </summary>
    /// <param name="markdown">
    /// The page body without YAML front matter; a leading '---' front matter block is tolerated and
    /// not rendered.
    /// </param>
    /// <param name="pagePath">
    /// "space/segment/..." of the page being rendered; relative links and images resolve against its folder.
    /// </param>
    /// <param name="links">
    /// Resolves wiki links against the app's page catalog, as the reader may see it; a link the reader
    /// may not follow renders as plain text.
    /// </param>
    public RenderedMarkdown Render(string markdown, string pagePath, IWikiLinkResolver links)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(pagePath);
        ArgumentNullException.ThrowIfNull(links);

        if (TryParse(markdown) is not { } document)
        {
            return new RenderedMarkdown(UnparsableHtml(markdown), [], [], false);
        }

        var space = pagePath.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        var folder = RelativeUrlResolver.FolderOf(pagePath);
        var (linkedPages, hasMissingLinks, wikiLinks) = WikiLinkBinder.Bind(document, links, space);
        var dependsOnReader = wikiLinks > 0;
        LinkRewriter.Rewrite(document, folder);
        var toc = TocCollector.Collect(document);

        if (TryRenderHtml(document) is not { } html)
        {
            return new RenderedMarkdown(UnparsableHtml(markdown), toc, linkedPages, hasMissingLinks) { DependsOnReader = dependsOnReader };
        }

        return new RenderedMarkdown(_sanitizer.Sanitize(html, folder), toc, linkedPages, hasMissingLinks)
        {
            DependsOnReader = dependsOnReader,
            Checkboxes = document.Descendants<TaskList>().Count(),
        };
    }

    /// <summary>
    /// The task-list checkboxes (<c>- [ ]</c>, <c>- [x]</c>) of <paramref name="markdown"/> in document order,
    /// exactly those Markdig renders as checkboxes (none inside code), each as the offset of the character
    /// between its brackets. Empty when Markdig refuses the text.
    /// </summary>
    public IReadOnlyList<TaskCheckbox> Checkboxes(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return TryParse(markdown) is { } document
            ? document.Descendants<TaskList>().Select(t => new TaskCheckbox(t.Span.Start + 1, t.Checked)).ToList()
            : [];
    }

    /// <summary>
    /// The text of the Markdown for search indexing and snippets: no markup, no front matter, wiki links
    /// as their label (or target when unlabelled), code kept as text, raw HTML tags dropped.
    /// </summary>
    public string ToPlainText(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return TryParse(markdown) is { } document ? PlainTextWriter.Write(document, _sanitizer) : markdown.Trim();
    }

    /// <summary>
    /// The @handles mentioned in <paramref name="markdown"/> (lower case, each once): outside code, not
    /// inside e-mail addresses, exactly what renders as a mention link.
    /// </summary>
    public IReadOnlyList<string> Mentions(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return TryParse(markdown) is { } document ? MentionExtension.Collect(document) : [];
    }

    /// <summary>
    /// The targets of the wiki links in <paramref name="markdown"/> as written (before any '|'), each once,
    /// in order: what the link graph keeps, so backlinks are resolved the way a view resolves the links.
    /// Links inside code are not links and are not returned.
    /// </summary>
    public IReadOnlyList<string> WikiLinkTargets(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return TryParse(markdown) is { } document
            ? document.Descendants<WikiLinkInline>().Select(l => l.Target).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>
    /// Parses, or returns null when Markdig refuses the input: it throws an ArgumentException when
    /// elements nest too deeply (thousands of "&gt;" or "[["), which one pasted log file can trigger.
    /// One odd page must not make every view of it fail.
    /// </summary>
    private MarkdownDocument? TryParse(string markdown)
    {
        try
        {
            return Markdown.Parse(markdown, _pipeline);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Renders, or returns null when Markdig's renderer hits its own, lower nesting limit: some inputs
    /// ("[[" followed by long text, repeated) parse fine but are too deep to render.
    /// </summary>
    private string? TryRenderHtml(MarkdownDocument document)
    {
        try
        {
            return Markdown.ToHtml(document, _pipeline);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The source, escaped, so the content stays readable and editable.</summary>
    private static string UnparsableHtml(string markdown)
        => "<pre class=\"markdown-unparsable\">" + WebUtility.HtmlEncode(markdown) + "</pre>";
}
