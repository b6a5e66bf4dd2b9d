using TeamWiki.Storage.Pages;

namespace TeamWiki.Web.Pages.Links;

/// <summary>
/// The text of a wiki link that leads to exactly one chosen page when written on a page of a given space,
/// for every reader, by the rules of <see cref="Markup.CatalogLinkResolver"/>: a title is looked up in the
/// writing page's own space first and only then in other spaces (which differ per reader), so
/// <c>[[Title]]</c> is used only for a page of the same space whose title no other page there shares;
/// anything else is written as its path, which names the page directly and shows its current title.
/// </summary>
public static class WikiLinkText
{
    /// <summary><c>[[Title]]</c> or <c>[[space/path]]</c> for <paramref name="page"/> written in <paramref name="fromSpace"/>.</summary>
    public static string For(PageSummary page, string? fromSpace, ContentSnapshot snapshot)
    {
        var title = page.Title.Trim();
        var byTitle = page.Path.Space == fromSpace
            && SafeAsTarget(title)
            && snapshot.FindAllByTitle(title).Count(p => p.Path.Space == fromSpace) == 1;
        return "[[" + (byTitle ? title : page.Path.Value) + "]]";
    }

    // A '/' would be read as a path, '|' starts a label, brackets end or break the link, '<' and '>'
    // make the parser give up; a title that long is not taken as a target at all.
    private static bool SafeAsTarget(string title) =>
        title.Length is > 0 and <= Markup.WikiLinkInlineParser.MaxTargetLength
        && title.IndexOfAny(['/', '|', '[', ']', '<', '>', '\\', '#']) < 0
        && !title.Any(char.IsControl);
}
