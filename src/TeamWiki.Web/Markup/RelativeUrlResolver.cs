namespace TeamWiki.Web.Markup;

/// <summary>
/// Maps a URL written in a page to the URL the browser should get, or null when it must not survive.
/// </summary>
/// <remarks>
/// Pages are files "space/.../name.md" in one repository and sub-pages live in a folder named after
/// their parent, so a relative URL is relative to the folder that holds the page file. Links to other
/// Markdown files become wiki routes; anything else relative is served from /files/.
/// </remarks>
internal static class RelativeUrlResolver
{
    /// <summary>The folder segments of a page: "handboek/onboarding/eerste-werkdag" → [handboek, onboarding].</summary>
    public static IReadOnlyList<string> FolderOf(string pagePath)
    {
        var segments = pagePath.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        return segments.Length <= 1 ? [] : segments[..^1];
    }

    /// <summary>
    /// Resolves <paramref name="url"/> (as Markdig decoded it: entities and escapes already applied)
    /// against the page folder.
    /// </summary>
    /// <returns>The URL to emit, or null to drop it (forbidden scheme, or escaping the repository root).</returns>
    public static string? Resolve(string url, IReadOnlyList<string> pageFolder, bool isImage)
    {
        var cleaned = UrlPolicy.Clean(url);
        if (cleaned.Length == 0)
        {
            return null;
        }

        if (cleaned[0] is '#' or '/' or '\\')
        {
            // Fragments and site-absolute paths are the author's explicit choice; the sanitizer still
            // marks "//host" as external.
            return cleaned;
        }

        var scheme = UrlPolicy.SchemeOf(cleaned);
        if (scheme is not null)
        {
            return UrlPolicy.Schemes.Contains(scheme) ? cleaned : null;
        }

        var suffixAt = cleaned.IndexOfAny(['?', '#']);
        var path = suffixAt < 0 ? cleaned : cleaned[..suffixAt];
        var suffix = suffixAt < 0 ? string.Empty : cleaned[suffixAt..];

        var segments = new List<string>(pageFolder);
        // Browsers read '\' as '/' in http URLs, so "..\..\" must count as climbing too.
        foreach (var segment in path.Split(['/', '\\']))
        {
            // "%2e%2e" is ".." once the server decodes it.
            var decoded = Unescape(segment);
            if (decoded is "" or ".")
            {
                continue;
            }

            if (decoded == "..")
            {
                if (segments.Count == 0)
                {
                    return null;
                }

                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        if (segments.Count == 0)
        {
            return null;
        }

        var last = segments[^1];
        if (!isImage && last.Length > 3 && last.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            segments[^1] = last[..^3];
            return "/wiki/" + string.Join('/', segments) + suffix;
        }

        return "/files/" + string.Join('/', segments) + suffix;
    }

    private static string Unescape(string segment)
    {
        try
        {
            return Uri.UnescapeDataString(segment);
        }
        catch (UriFormatException)
        {
            return segment;
        }
    }
}
