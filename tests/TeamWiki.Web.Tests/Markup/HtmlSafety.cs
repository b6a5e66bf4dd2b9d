using System.Net;
using AngleSharp.Dom;

namespace TeamWiki.Web.Tests.Markup;

/// <summary>
/// Assertions that rendered HTML cannot run script, checked both on the raw string and on the DOM a
/// browser would build from it.
/// </summary>
internal static class HtmlSafety
{
    private static readonly string[] ForbiddenTags =
        ["<script", "<svg", "<iframe", "<math", "<object", "<embed", "<form", "<style", "<link", "<meta", "<base", "<template", "<noscript", "<button"];

    private static readonly string[] ForbiddenSchemes = ["javascript:", "vbscript:", "data:text/html"];

    private static readonly HashSet<string> AllowedSchemes = ["http", "https", "mailto"];

    /// <summary>No active content, and no script URL anywhere, not even as visible text.</summary>
    public static void AssertHarmless(string html)
    {
        // Decoded, so "&#106;avascript:" cannot hide.
        var decoded = WebUtility.HtmlDecode(html);
        foreach (var scheme in ForbiddenSchemes)
        {
            Assert.DoesNotContain(scheme, decoded, StringComparison.OrdinalIgnoreCase);
        }

        AssertNoActiveContent(html);
    }

    /// <summary>
    /// No element, attribute or URL that can run script; text that merely mentions a scheme is allowed.
    /// URL attributes are judged with whitespace and control characters removed, as browsers do.
    /// </summary>
    public static void AssertNoActiveContent(string html)
    {
        foreach (var tag in ForbiddenTags)
        {
            Assert.DoesNotContain(tag, html, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var element in Md.Parse(html).QuerySelectorAll("*"))
        {
            AssertElementHarmless(element);
        }
    }

    private static void AssertElementHarmless(IElement element)
    {
        foreach (var attribute in element.Attributes)
        {
            Assert.False(
                attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase),
                $"event handler attribute {attribute.Name} on <{element.LocalName}>");

            if (attribute.Name is "href" or "src" or "action" or "formaction" or "data" or "background")
            {
                var scheme = SchemeOf(attribute.Value);
                Assert.True(scheme is null || AllowedSchemes.Contains(scheme), $"{attribute.Name}=\"{attribute.Value}\"");
            }

            if (attribute.Name == "style")
            {
                Assert.Matches(@"^\s*text-align:\s*(left|right|center)\s*;?\s*$", attribute.Value);
            }
        }

        if (element.LocalName == "input")
        {
            Assert.Equal("checkbox", element.GetAttribute("type"));
            Assert.True(element.HasAttribute("disabled"));
        }
    }

    private static string? SchemeOf(string url)
    {
        var compact = new string(url.Where(c => c > ' ' && c != '\u007F').ToArray());
        var colon = compact.IndexOf(':');
        if (colon <= 0 || compact[..colon].IndexOfAny(['/', '?', '#']) >= 0)
        {
            return null;
        }

        return compact[..colon].ToLowerInvariant();
    }
}
