using System.Security.Claims;
using TeamWiki.Search;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Search.Said;

namespace TeamWiki.Web.Insights;

/// <summary>
/// A search as a reader makes it, from the search page or the API alike: only the spaces the reader may
/// read, and a search that found nothing noted as a content gap. This is the one place that decides what
/// counts as a gap (the first page of a full search for some words; not a search-as-you-type prefix, not
/// a later page); <see cref="InsightsService.RecordMissAsync"/> decides whose searches count.
/// </summary>
public sealed class ReaderSearch(ISearchIndex index, SpaceAccess access, InsightsService insights, PeopleDirectory people)
{
    // A boolean query holds at most 1024 clauses; a guest who shares spaces with more people finds only
    // some of them by name (never anyone they may not see).
    private const int MaxAudiences = 1000;

    /// <summary>Runs <paramref name="request"/> over what <paramref name="user"/> may read.</summary>
    public async Task<SearchResults> SearchAsync(ClaimsPrincipal user, SearchRequest request)
    {
        var results = index.Search(request with { VisibleSpaces = await AudiencesAsync(user) });
        if (IsGap(request, results))
        {
            await insights.RecordMissAsync(user, request.Query, request.Space);
        }

        return results;
    }

    /// <summary>
    /// The spaces <paramref name="user"/> may read, plus the team stream when they may read it and the
    /// people they may see: staff see everyone (one term), a guest each person the people pages show them.
    /// The rules stay where they are (<see cref="SpaceAccess"/>, <see cref="PeopleDirectory.VisibleToAsync"/>).
    /// </summary>
    public async Task<IReadOnlyCollection<string>?> AudiencesAsync(ClaimsPrincipal user)
    {
        if (access.VisibleSpaces(user) is not { } spaces)
        {
            return null;
        }

        var audiences = spaces.ToList();
        if (access.CanReadStream(user, null))
        {
            audiences.Add(SaidDocuments.TeamAudience);
        }

        if (user.Identity?.IsAuthenticated == true && !user.IsGuest())
        {
            audiences.Add(SaidDocuments.PeopleAudience);
        }
        else
        {
            audiences.AddRange((await people.VisibleToAsync(user)).Select(p => SaidDocuments.PersonAudience(p.Id)).Take(Math.Max(0, MaxAudiences - audiences.Count)));
        }

        return audiences;
    }

    private static bool IsGap(SearchRequest request, SearchResults results) =>
        results.Total == 0 && request.Offset == 0 && !request.PrefixLastWord && !string.IsNullOrWhiteSpace(request.Query);
}
