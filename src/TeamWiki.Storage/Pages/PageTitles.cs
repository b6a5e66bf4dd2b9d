namespace TeamWiki.Storage.Pages;

/// <summary>Where a page's title comes from when its front matter names none.</summary>
public static class PageTitles
{
    /// <summary>
    /// The front matter title, else the first level-one heading, else the last path segment
    /// with hyphens as spaces ("eerste-werkdag" → "Eerste werkdag").
    /// </summary>
    public static string Of(PagePath path, FrontMatter meta, string body)
    {
        return meta.Title ?? FirstHeading(body) ?? FromSlug(path.Name);
    }

    /// <summary>The text of the first level-one heading, or null.</summary>
    public static string? FirstHeading(string body)
    {
        foreach (var line in body.AsSpan().EnumerateLines())
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("# "))
            {
                var heading = trimmed[2..].Trim().TrimEnd('#').Trim();
                if (heading.Length > 0)
                {
                    return heading.ToString();
                }
            }
        }

        return null;
    }

    /// <summary>"eerste-werkdag" → "Eerste werkdag".</summary>
    public static string FromSlug(string slug)
    {
        var words = slug.Replace('-', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
