namespace TeamWiki.Web.Markup;

/// <summary>What a '&lt;' starts.</summary>
internal enum HtmlTagKind
{
    /// <summary>Not a tag: a literal '&lt;' (the text up to <see cref="HtmlTag.End"/> is kept as is).</summary>
    Text,

    /// <summary>A start tag.</summary>
    Start,

    /// <summary>An end tag.</summary>
    End,

    /// <summary>A comment, doctype, CDATA section or processing instruction: all comments to an HTML body.</summary>
    Comment,
}

/// <summary>One scanned tag: its kind, lower-case name, whether it ends in "/&gt;", and the index just past it.</summary>
internal readonly record struct HtmlTag(HtmlTagKind Kind, string Name, bool SelfClosing, int End);

/// <summary>
/// Finds the extent of the tag at a '&lt;' the way the HTML tokenizer does (quoted attribute values may
/// hold '&gt;'), in time linear in the tag's length.
/// </summary>
internal static class HtmlTagScanner
{
    public static HtmlTag Scan(string html, int lt)
    {
        var next = lt + 1 < html.Length ? html[lt + 1] : '\0';
        if (next == '!' || next == '?')
        {
            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                // "<!-->" and "<!--->" are complete (empty) comments to the HTML tokenizer.
                var close = html.IndexOf("-->", lt + 2, StringComparison.Ordinal);
                return new HtmlTag(HtmlTagKind.Comment, "", false, close < 0 ? html.Length : close + 3);
            }

            var gt = html.IndexOf('>', lt);
            return new HtmlTag(HtmlTagKind.Comment, "", false, gt < 0 ? html.Length : gt + 1);
        }

        var end = next == '/';
        var nameStart = lt + (end ? 2 : 1);
        if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
        {
            return new HtmlTag(HtmlTagKind.Text, "", false, lt + 1);
        }

        var i = nameStart;
        while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('/' or '>'))
        {
            i++;
        }

        var name = html[nameStart..i].ToLowerInvariant();
        var selfClosing = false;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '>')
            {
                return new HtmlTag(end ? HtmlTagKind.End : HtmlTagKind.Start, name, selfClosing, i + 1);
            }

            if (c is '"' or '\'' && AfterEquals(html, i))
            {
                var close = html.IndexOf(c, i + 1);
                if (close < 0)
                {
                    break;
                }

                i = close + 1;
                selfClosing = false;
                continue;
            }

            selfClosing = c == '/';
            i++;
        }

        // End of input inside a tag: the HTML tokenizer drops the unfinished tag.
        return new HtmlTag(HtmlTagKind.Comment, "", false, html.Length);
    }

    /// <summary>True when the quote at <paramref name="i"/> opens an attribute value ("= 'x'" with spaces allowed).</summary>
    private static bool AfterEquals(string html, int i)
    {
        var k = i - 1;
        while (k > 0 && IsSpace(html[k]))
        {
            k--;
        }

        return html[k] == '=';
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
