using System.Security.Claims;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Pages.Fields;

/// <summary>
/// The tags the editor suggests: those of pages in spaces the author may read, most used first. A tag
/// that only pages of a hidden space carry is never suggested, so the list tells no one it exists.
/// </summary>
public sealed class PageTagSuggestions(IContentCatalog catalog, SpaceAccess access)
{
    /// <summary>At most this many tags are suggested; a wiki with more has them ordered by use.</summary>
    public const int Max = 500;

    /// <summary>The tags of the pages <paramref name="user"/> may read, most used first, then by name.</summary>
    public IReadOnlyList<string> For(ClaimsPrincipal user)
    {
        // Asked again per editor: a membership lost since the last one must not leave its tags behind.
        var readable = access.Readable(user);
        var snapshot = catalog.Current;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in snapshot.Pages)
        {
            if (!readable.Contains(page.Path.Space) || snapshot.FindSpace(page.Path.Space) is null)
            {
                continue;
            }

            foreach (var tag in page.Tags)
            {
                counts[tag] = counts.GetValueOrDefault(tag) + 1;
            }
        }

        return counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(Max).Select(c => c.Key).ToList();
    }
}
