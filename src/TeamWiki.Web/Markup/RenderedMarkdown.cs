namespace TeamWiki.Web.Markup;

/// <summary>
/// The result of <see cref="MarkdownRenderer.Render"/>.
/// </summary>
/// <param name="Html">Sanitised HTML, safe to emit as a <c>MarkupString</c>.</param>
/// <param name="Toc">The headings of level 2 and 3, in document order.</param>
/// <param name="LinkedPages">
/// Canonical paths of all wiki links, distinct, in order of first appearance; missing pages included
/// so the app can list wanted pages as well as backlinks.
/// </param>
/// <param name="HasMissingLinks">True if any wiki link points to a page that does not exist.</param>
/// <remarks>
/// When Markdig refuses a page (it has nesting limits that a pasted log file can exceed), Html holds
/// the escaped source in <c>&lt;pre class="markdown-unparsable"&gt;</c> instead of failing the request.
/// Relative links in Markdown and raw HTML are already rewritten to <c>/wiki/...</c> and
/// <c>/files/...</c> routes.
/// </remarks>
public sealed record RenderedMarkdown(
    string Html,
    IReadOnlyList<TocEntry> Toc,
    IReadOnlyList<string> LinkedPages,
    bool HasMissingLinks)
{
    /// <summary>
    /// True when the text has wiki links, whose rendering depends on what the reader may see; false
    /// when the HTML is the same for every reader.
    /// </summary>
    public bool DependsOnReader { get; init; }

    /// <summary>
    /// How many task-list checkboxes the Markdown has; the view makes them tickable only when the HTML
    /// holds exactly as many (a checkbox from raw HTML would shift the numbering).
    /// </summary>
    public int Checkboxes { get; init; }
}
