using System.Text;

namespace TeamWiki.Web.Markup;

/// <summary>
/// A single linear pass over the HTML Markdig produced, before the sanitizer parses it, that takes out
/// the shapes on which an HTML parser and DOM do quadratic work: elements nested deeper than
/// <see cref="MaxDepth"/> (250 KB of <c>&lt;div&gt;</c> took 33 s), comments, and floods of tags the
/// sanitizer would remove one by one. Only tags are dropped, never text, and the sanitizer still judges
/// everything that is left, so this pass decides nothing about safety.
/// </summary>
/// <remarks>
/// The nesting is tracked approximately (the HTML parser's implied end tags are not modelled beyond the
/// common cases), which errs towards a smaller depth; Markdig's own output is always well-formed.
/// </remarks>
internal static class HtmlShapeLimiter
{
    /// <summary>Deepest element nesting kept; deeper start tags (and their end tags) are dropped.</summary>
    public const int MaxDepth = 64;

    /// <summary>Disallowed tags left for the sanitizer to remove; past this many they are dropped here.</summary>
    public const int MaxRemovals = 500;

    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen", "image",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
    };

    private static readonly HashSet<string> SelfClosingSiblings = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "tr", "td", "th", "option",
    };

    /// <summary>The HTML with over-deep nesting, comments and excess removals taken out.</summary>
    public static string Limit(string html, IReadOnlySet<string> allowedTags)
    {
        if (html.IndexOf('<') < 0)
        {
            return html;
        }

        var output = new StringBuilder(html.Length);
        var open = new List<string>();
        var dropped = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var removals = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                output.Append(html, i, html.Length - i);
                break;
            }

            output.Append(html, i, lt - i);
            var tag = HtmlTagScanner.Scan(html, lt);
            i = tag.End;
            switch (tag.Kind)
            {
                case HtmlTagKind.Text:
                    output.Append(html, lt, tag.End - lt);
                    break;
                case HtmlTagKind.Comment:
                    // The sanitizer removes comments anyway, one DOM removal each.
                    break;
                case HtmlTagKind.End:
                    if (dropped.TryGetValue(tag.Name, out var count) && count > 0)
                    {
                        dropped[tag.Name] = count - 1;
                    }
                    else
                    {
                        Close(open, tag.Name);
                        output.Append(html, lt, tag.End - lt);
                    }

                    break;
                case HtmlTagKind.Start:
                    // Only task-list checkboxes survive the polisher, which removes other inputs one by one.
                    var allowed = allowedTags.Contains(tag.Name)
                        && !(tag.Name == "input" && html.IndexOf("checkbox", lt, tag.End - lt, StringComparison.OrdinalIgnoreCase) < 0);
                    if (!allowed && ++removals > MaxRemovals)
                    {
                        Drop(dropped, tag);
                        break;
                    }

                    if (RawText.Contains(tag.Name))
                    {
                        // Copied whole up to its end tag: its content is not markup.
                        var close = html.IndexOf("</" + tag.Name, tag.End, StringComparison.OrdinalIgnoreCase);
                        i = close < 0 ? html.Length : close;
                        output.Append(html, lt, i - lt);
                        break;
                    }

                    if (tag.SelfClosing || Void.Contains(tag.Name))
                    {
                        output.Append(html, lt, tag.End - lt);
                        break;
                    }

                    if (SelfClosingSiblings.Contains(tag.Name) && open.Count > 0 && string.Equals(open[^1], tag.Name, StringComparison.OrdinalIgnoreCase))
                    {
                        open.RemoveAt(open.Count - 1);
                    }

                    if (open.Count >= MaxDepth)
                    {
                        Drop(dropped, tag);
                        break;
                    }

                    open.Add(tag.Name);
                    output.Append(html, lt, tag.End - lt);
                    break;
            }
        }

        return output.ToString();
    }

    private static void Drop(Dictionary<string, int> dropped, HtmlTag tag)
    {
        if (!tag.SelfClosing && !Void.Contains(tag.Name))
        {
            dropped[tag.Name] = dropped.GetValueOrDefault(tag.Name) + 1;
        }
    }

    /// <summary>Pops up to the innermost open element of that name; nothing when none is open (the parser ignores such a tag).</summary>
    private static void Close(List<string> open, string name)
    {
        for (var k = open.Count - 1; k >= 0; k--)
        {
            if (string.Equals(open[k], name, StringComparison.OrdinalIgnoreCase))
            {
                open.RemoveRange(k, open.Count - k);
                return;
            }
        }
    }
}
