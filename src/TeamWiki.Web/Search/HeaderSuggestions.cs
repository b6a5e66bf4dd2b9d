using System.Security.Claims;
using TeamWiki.Search;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Items;

namespace TeamWiki.Web.Search;

/// <summary>
/// What the header search offers while typing (<c>GET /api/search/suggest</c>): page, task and document
/// titles from the search index, the spaces the reader may read and the people they may see (the rule of
/// the people pages, <see cref="PeopleDirectory.VisibleToAsync"/>), names that start with the typed text
/// first, then names with a word that starts so (<see cref="SuggestionMatch"/>); among equals titles
/// before spaces before people, each in its own order.
/// </summary>
public sealed class HeaderSuggestions(ISearchIndex index, SpaceAccess access, IContentCatalog catalog, PeopleDirectory people)
{
    /// <summary>At most this many suggestions.</summary>
    public const int Max = 10;

    /// <summary>Kind of a space suggestion.</summary>
    public const string SpaceKind = "space";

    /// <summary>Kind of a person suggestion.</summary>
    public const string PersonKind = "person";

    /// <summary>The suggestions for <paramref name="typed"/> as <paramref name="user"/> may see them.</summary>
    public async Task<IReadOnlyList<SuggestionResponse>> ForAsync(ClaimsPrincipal user, string typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return [];
        }

        var found = new List<(int Rank, int Source, SuggestionResponse Item)>();
        foreach (var s in index.Suggest(typed, Max, access.VisibleSpaces(user)))
        {
            // The index matched it; its analysis may split words differently, so a miss here still counts as a word match.
            found.Add((SuggestionMatch.Rank(s.Title, typed) ?? SuggestionMatch.WordStartsWith, 0,
                new SuggestionResponse(s.Path, s.Title, s.Kind, s.Space, ItemLinks.For(s.Kind, s.Path))));
        }

        foreach (var space in catalog.Current.Spaces.Where(s => access.CanRead(user, s.Key)))
        {
            if (SuggestionMatch.Best(typed, space.Name, space.Key) is { } rank)
            {
                found.Add((rank, 1, new SuggestionResponse(space.Key, space.Name, SpaceKind, space.Key, ItemLinks.For(ItemRef.Space(space.Key)))));
            }
        }

        foreach (var person in await people.VisibleToAsync(user))
        {
            if (SuggestionMatch.Best(typed, person.Name, person.Handle) is { } rank)
            {
                found.Add((rank, 2, new SuggestionResponse(person.Handle, person.Name, PersonKind, "", person.Url)));
            }
        }

        // A stable sort: the index's own order (title starts first) and the spaces' and people's order stay within a rank.
        return found.OrderBy(f => f.Rank).ThenBy(f => f.Source).Select(f => f.Item).Take(Max).ToList();
    }
}
