using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace TeamWiki.Web.Markup;

/// <summary>
/// Rules applied to the DOM after HtmlSanitizer has removed what is not on its allowlists: things its
/// configuration cannot express per tag or per value.
/// </summary>
/// <remarks>Stateless; each call works on the DOM of one render.</remarks>
internal static partial class SanitizedHtmlPolisher
{
    private const string ExternalRel = "noopener noreferrer nofollow";

    // The classes the pipeline itself emits. Anything else is dropped: with the app's CSS framework
    // loaded, author-chosen classes ("position-fixed w-100 h-100 ...") could lay a fake dialog over
    // the whole UI (classjacking), which is why HtmlSanitizer disallows class by default.
    private static readonly HashSet<string> KnownClasses = new(StringComparer.Ordinal)
    {
        "wikilink", "missing", "anchor", "contains-task-list", "task-list-item",
        "footnotes", "footnote-ref", "footnote-back-ref", "mention",
        "markdown-alert", "markdown-alert-title", "markdown-alert-note", "markdown-alert-tip",
        "markdown-alert-important", "markdown-alert-warning", "markdown-alert-caution",
        MermaidExtension.ContainerClass,
    };

    public static void Polish(IElement root, IReadOnlyList<string> pageFolder)
    {
        foreach (var element in root.QuerySelectorAll("*").ToList())
        {
            if (element.LocalName == "input")
            {
                // Only task-list checkboxes; a text field or button inside a page is a phishing tool.
                if (!string.Equals(element.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase))
                {
                    element.Remove();
                    continue;
                }

                element.SetAttribute("disabled", "disabled");
                TaskCheckboxLabel.Apply(element);
            }
            else if (element.LocalName != "ol")
            {
                // type is meaningful (and harmless) only on <ol> and the checkbox.
                element.RemoveAttribute("type");
            }

            PolishIdAndClass(element);
            PolishUrl(element, "href", pageFolder);
            PolishUrl(element, "src", pageFolder);

            if (element.LocalName == "a" && element.GetAttribute("href") is { } href && UrlPolicy.IsExternal(href))
            {
                element.SetAttribute("rel", ExternalRel);
            }
        }
    }

    private static void PolishIdAndClass(IElement element)
    {
        // Ids come from heading text and footnotes; restricting them to identifier characters keeps
        // quotes and markup out of anything that later builds a selector from them.
        if (element.GetAttribute("id") is { } id && !SafeToken().IsMatch(id))
        {
            element.RemoveAttribute("id");
        }

        if (element.GetAttribute("class") is { } classes)
        {
            var kept = classes.Split(' ', '\t', '\n', '\r', '\f').Where(IsKnownClass).Distinct();
            var value = string.Join(' ', kept);
            if (value.Length == 0)
            {
                element.RemoveAttribute("class");
            }
            else
            {
                element.SetAttribute("class", value);
            }
        }
    }

    /// <summary>
    /// Runs every URL through the same resolver as Markdown links. URLs the Markdown layer produced are
    /// absolute already and pass unchanged; relative ones can only come from raw HTML and get the same
    /// treatment. A URL the resolver refuses, or an empty one (an empty src makes the browser request
    /// the page itself), is removed.
    /// </summary>
    private static void PolishUrl(IElement element, string attribute, IReadOnlyList<string> pageFolder)
    {
        if (element.GetAttribute(attribute) is not { } value)
        {
            return;
        }

        var resolved = RelativeUrlResolver.Resolve(value, pageFolder, isImage: element.LocalName != "a");
        if (resolved is null)
        {
            element.RemoveAttribute(attribute);
        }
        else if (!string.Equals(resolved, value, StringComparison.Ordinal))
        {
            element.SetAttribute(attribute, resolved);
        }
    }

    /// <summary>The pipeline's own classes, and "language-xyz" from fenced code (prefixed, so harmless).</summary>
    private static bool IsKnownClass(string token)
        => KnownClasses.Contains(token)
            || (token.StartsWith("language-", StringComparison.Ordinal) && token.Length > 9 && SafeToken().IsMatch(token));

    // Letters (with combining marks, as in "coördinatie"), digits, '-', '_', '.' and ':' (footnote ids
    // are "fn:1"). That covers every id Markdig generates from heading text.
    [GeneratedRegex(@"^[\p{L}\p{M}\p{Nd}_:.\-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeToken();
}
