using TeamWiki.Storage.Pages;

namespace TeamWiki.Web.Markup;

/// <summary>
/// Resolves wiki links against one catalog snapshot: a path ("kennisbank/git-workflow") names a page
/// directly; anything else is a title, looked up in the page's own space first, then everywhere. A
/// title nobody has yet becomes a new page in the current space, named after its slug.
/// </summary>
public sealed class CatalogLinkResolver(ContentSnapshot snapshot) : IWikiLinkResolver
{
    /// <inheritdoc />
    public WikiLinkTarget Resolve(string target, string currentSpace)
    {
        if (target.Contains('/') && PagePath.TryParse(target, out var path))
        {
            var page = snapshot.Find(path);
            return new WikiLinkTarget(path.Value, page?.Title ?? PageTitles.FromSlug(path.Name), page is not null);
        }

        if (snapshot.FindByTitle(target, currentSpace) is { } byTitle)
        {
            return new WikiLinkTarget(byTitle.Path.Value, byTitle.Title, true);
        }

        var slug = Slug.From(target);
        if (slug.Length > 0 && PagePath.TryParse(currentSpace + "/" + slug, out var guessed))
        {
            var page = snapshot.Find(guessed);
            return new WikiLinkTarget(guessed.Value, page?.Title ?? target.Trim(), page is not null);
        }

        return new WikiLinkTarget(currentSpace + "/" + "nieuwe-pagina", target.Trim(), false);
    }
}
