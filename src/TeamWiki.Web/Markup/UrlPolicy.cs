namespace TeamWiki.Web.Markup;

/// <summary>
/// Decides which URL schemes may appear in rendered pages. Shared by the Markdown link rewriter and the
/// HTML post-processor so both layers judge a URL the same way.
/// </summary>
internal static class UrlPolicy
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    /// <summary>The schemes the sanitizer lets through.</summary>
    public static IReadOnlyList<string> Schemes => AllowedSchemes;

    /// <summary>
    /// Removes what browsers ignore when they parse a URL: C0 controls and spaces around it, and tabs and
    /// newlines anywhere ("jav&#9;ascript:" is javascript: to a browser).
    /// </summary>
    public static string Clean(string url)
    {
        var start = 0;
        var end = url.Length;
        while (start < end && IsIgnorable(url[start]))
        {
            start++;
        }

        while (end > start && IsIgnorable(url[end - 1]))
        {
            end--;
        }

        var trimmed = url[start..end];
        return trimmed.IndexOfAny(['\t', '\n', '\r']) < 0
            ? trimmed
            : string.Concat(trimmed.Where(c => c is not ('\t' or '\n' or '\r')));
    }

    /// <summary>
    /// The scheme of the URL in lower case, or null for a relative URL. Judged on a copy with every
    /// control character and space removed, so "java script:" counts as a scheme too: stricter than a
    /// browser, never looser.
    /// </summary>
    public static string? SchemeOf(string url)
    {
        var compact = string.Concat(url.Where(c => !IsIgnorable(c)));
        var colon = compact.IndexOf(':');
        if (colon <= 0)
        {
            return null;
        }

        // Anything before the first colon counts as a scheme unless a '/', '?' or '#' shows it is a path.
        // Browsers treat malformed schemes ("ja%76ascript") as paths; rejecting them too costs nothing.
        var candidate = compact[..colon];
        return candidate.IndexOfAny(['/', '?', '#']) >= 0 ? null : candidate.ToLowerInvariant();
    }

    /// <summary>
    /// True for absolute http(s) URLs and protocol-relative ones ("//host", which browsers also accept
    /// as "/\host" or "\\host"): links that leave the wiki.
    /// </summary>
    public static bool IsExternal(string url)
    {
        var cleaned = Clean(url);
        var scheme = SchemeOf(cleaned);
        if (scheme is "http" or "https")
        {
            return true;
        }

        return scheme is null && cleaned.Length >= 2
            && cleaned[0] is '/' or '\\' && cleaned[1] is '/' or '\\';
    }

    private static bool IsIgnorable(char c) => c <= ' ' || c == '\u007F';
}
