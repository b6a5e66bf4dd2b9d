using TeamWiki.Storage.Pages;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Markup;

/// <summary>
/// The one place wiki links are resolved, against one catalog snapshot and what one reader may read.
/// A path ("kennisbank/git-workflow") names a page directly; anything else is a title, looked up in the
/// page's own space first, then in the other spaces the reader may read. A title nobody has yet becomes
/// a new page in the current space, named after its slug. Text outside a readable space (the team
/// stream) finds a page by slug in any readable space.
/// </summary>
/// <remarks>
/// A link into a space the reader may not read, or into a space that does not exist, is plain text:
/// both look the same, so the output never tells whether a hidden space or page exists. Spaces the
/// reader cannot read are never consulted at all, so their titles cannot show either.
/// </remarks>
public sealed class CatalogLinkResolver(ContentSnapshot snapshot, ReadableSpaces reader) : IWikiLinkResolver
{
    private const string NewPageSlug = "nieuwe-pagina";

    /// <inheritdoc />
    public WikiLinkTarget Resolve(string target, string currentSpace)
    {
        if (target.Contains('/') && PagePath.TryParse(target, out var path))
        {
            if (!Readable(path.Space))
            {
                return WikiLinkTarget.PlainText;
            }

            var page = snapshot.Find(path);
            return new WikiLinkTarget(path.Value, page?.Title ?? PageTitles.FromSlug(path.Name), page is not null);
        }

        // The page's own space first: a title found there needs no other space's titles (made on first use).
        if (Readable(currentSpace) && snapshot.FindByTitleIn(target, currentSpace) is { } here)
        {
            return new WikiLinkTarget(here.Path.Value, here.Title, true);
        }

        var titled = snapshot.FindAllByTitle(target).Where(p => Readable(p.Path.Space)).ToList();
        if ((titled.FirstOrDefault(p => p.Path.Space == currentSpace) ?? titled.FirstOrDefault()) is { } byTitle)
        {
            return new WikiLinkTarget(byTitle.Path.Value, byTitle.Title, true);
        }

        var slug = Slug.From(target);
        if (!Readable(currentSpace))
        {
            // Nowhere to create a page: a page of that name in a space the reader sees, or just text.
            return slug.Length > 0 && FirstReadableNamed(slug) is { } bySlug
                ? new WikiLinkTarget(bySlug.Path.Value, bySlug.Title, true)
                : WikiLinkTarget.PlainText;
        }

        if (slug.Length > 0 && PagePath.TryParse(currentSpace + "/" + slug, out var guessed))
        {
            var page = snapshot.Find(guessed);
            return new WikiLinkTarget(guessed.Value, page?.Title ?? target.Trim(), page is not null);
        }

        return new WikiLinkTarget(currentSpace + "/" + NewPageSlug, target.Trim(), false);
    }

    private bool Readable(string space) => snapshot.FindSpace(space) is not null && reader.Contains(space);

    private PageSummary? FirstReadableNamed(string slug) =>
        snapshot.Pages.Where(p => p.Path.Name == slug && Readable(p.Path.Space)).MinBy(p => p.Path.Value, StringComparer.Ordinal);
}
