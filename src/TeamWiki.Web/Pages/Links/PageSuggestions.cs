using System.Security.Claims;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Items;
using TeamWiki.Web.Search;

namespace TeamWiki.Web.Pages.Links;

/// <summary>A page the editor's <c>[[</c> picker offers.</summary>
/// <param name="Path">The page's path.</param>
/// <param name="Title">Its title.</param>
/// <param name="Space">Its space's key.</param>
/// <param name="SpaceName">Its space's name.</param>
/// <param name="Link">The wiki link to insert, leading to exactly this page from the writing page's space (<see cref="WikiLinkText"/>).</param>
/// <param name="Url">The page's address.</param>
public sealed record PageSuggestion(string Path, string Title, string Space, string SpaceName, string Link, string Url);

/// <summary>
/// The pages whose title (or address) matches what was typed after <c>[[</c>, from the spaces the author
/// may read only: the other spaces are never looked at. Read from the current catalog snapshot rather than
/// the search index, so a page saved a moment ago can be linked at once. Titles that start with the typed
/// text come first, then titles with a word that starts so (<see cref="SuggestionMatch"/>); among equals
/// pages of the writing page's own space first, then by title.
/// </summary>
public sealed class PageSuggestions(IContentCatalog catalog, SpaceAccess access)
{
    /// <summary>Longest text looked for.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>Suggestions when no limit is asked for.</summary>
    public const int DefaultLimit = 8;

    /// <summary>Most suggestions one request may ask for.</summary>
    public const int MaxLimit = 20;

    /// <summary>The pages <paramref name="user"/> may read matching <paramref name="typed"/>, linked as from <paramref name="fromSpace"/>.</summary>
    public IReadOnlyList<PageSuggestion> For(ClaimsPrincipal user, string typed, string? fromSpace, int limit)
    {
        var snapshot = catalog.Current;
        var found = new List<(int Rank, bool Elsewhere, PageSummary Page, TeamWiki.Storage.Spaces.SpaceInfo Space)>();
        foreach (var space in snapshot.Spaces.Where(s => access.CanRead(user, s.Key)))
        {
            foreach (var page in snapshot.InSpace(space.Key))
            {
                // The address counts too: an author may remember "git-workflow" rather than the title.
                if (SuggestionMatch.Best(typed, page.Title, page.Path.Name) is { } rank)
                {
                    found.Add((rank, space.Key != fromSpace, page, space));
                }
            }
        }

        return found
            .OrderBy(f => f.Rank)
            .ThenBy(f => f.Elsewhere)
            .ThenBy(f => f.Page.Title, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(f => f.Page.Path.Value, StringComparer.Ordinal)
            .Take(limit)
            .Select(f => new PageSuggestion(f.Page.Path.Value, f.Page.Title, f.Space.Key, f.Space.Name,
                WikiLinkText.For(f.Page, fromSpace, snapshot), ItemLinks.For(TeamWiki.Storage.Items.ItemRef.Page(f.Page.Path))))
            .ToList();
    }
}
