using AngleSharp;
using AngleSharp.Dom;
using Ganss.Xss;

namespace TeamWiki.Web.Markup;

/// <summary>
/// The sanitizer configuration: an allowlist sized to what the Markdown pipeline produces, plus a
/// polishing pass (<see cref="SanitizedHtmlPolisher"/>) for rules HtmlSanitizer cannot express.
/// </summary>
/// <remarks>
/// Built once; HtmlSanitizer is safe for concurrent use as long as its configuration is not changed
/// afterwards, and every call works on its own DOM.
/// </remarks>
internal sealed class WikiHtmlSanitizer
{
    private static readonly string[] Tags =
    [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "ul", "ol", "li",
        "table", "thead", "tbody", "tr", "th", "td", "pre", "code", "blockquote",
        "em", "strong", "del", "hr", "br", "sup", "sub", "span", "div", "input",
        "dl", "dt", "dd", "section", "details", "summary", "kbd", "mark",
        "figure", "figcaption", "abbr",
    ];

    // "open" for <details>, "aria-label" for the heading anchors; both carry no behaviour.
    private static readonly string[] Attributes =
    [
        "class", "id", "href", "src", "alt", "title", "colspan", "rowspan", "align", "start",
        "type", "checked", "disabled", "width", "height", "style", "open", "aria-label",
    ];

    /// <summary>The tags that survive sanitising.</summary>
    public static readonly IReadOnlySet<string> AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase);

    private readonly HtmlSanitizer _sanitizer;

    public WikiHtmlSanitizer()
    {
        // Empty() instead of the defaults: the defaults allow form, button, textarea and most of CSS.
        var options = HtmlSanitizerOptions.Empty();
        options.AllowedTags.UnionWith(Tags);
        options.AllowedAttributes.UnionWith(Attributes);
        // Only text-align: Markdig writes style="text-align: right;" for aligned table columns.
        options.AllowedCssProperties.Add("text-align");
        options.AllowedSchemes.UnionWith(UrlPolicy.Schemes);
        // Screening list: without it, href and src would not be checked against the schemes at all.
        options.UriAttributes.UnionWith(["href", "src", "action", "formaction", "background", "cite", "poster", "longdesc"]);

        _sanitizer = new HtmlSanitizer(options);
    }

    /// <summary>
    /// Returns the safe subset of <paramref name="html"/>, with relative URLs left by raw HTML resolved
    /// against <paramref name="pageFolder"/> like Markdown links are.
    /// </summary>
    /// <remarks>
    /// Same steps as <c>HtmlSanitizer.Sanitize</c>, with the polishing pass in between. The pass runs here
    /// rather than in a sanitizer event because it needs the page folder, and the shared sanitizer must
    /// not hold per-request state.
    /// </remarks>
    public string Sanitize(string html, IReadOnlyList<string> pageFolder)
    {
        using var document = _sanitizer.SanitizeDom(HtmlShapeLimiter.Limit(html, AllowedTags));
        if (document.Body is null)
        {
            return string.Empty;
        }

        SanitizedHtmlPolisher.Polish(document.Body, pageFolder);
        var writer = new StringWriter();
        HtmlFragmentWriter.WriteChildren(document.Body, writer, _sanitizer.OutputFormatter);
        return writer.ToString();
    }

    /// <summary>
    /// The visible text of an HTML fragment. Sanitised first, so the text of script, style and other
    /// dropped elements does not end up in search results either.
    /// </summary>
    public string TextOf(string html)
    {
        using var document = _sanitizer.SanitizeDom(HtmlShapeLimiter.Limit(html, AllowedTags));
        if (document.Body is null)
        {
            return string.Empty;
        }

        // Text nodes joined by spaces: TextContent would glue "<summary>Meer</summary>Inhoud" into one word.
        var texts = document.Body.GetDescendants().OfType<IText>().Select(t => t.Data.Trim()).Where(t => t.Length > 0);
        return string.Join(' ', texts);
    }
}
