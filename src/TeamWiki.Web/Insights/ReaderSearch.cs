using System.Security.Claims;
using TeamWiki.Search;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Insights;

/// <summary>
/// A search as a reader makes it, from the search page or the API alike: only the spaces the reader may
/// read, and a search that found nothing noted as a content gap. This is the one place that decides what
/// counts as a gap (the first page of a full search for some words; not a search-as-you-type prefix, not
/// a later page); <see cref="InsightsService.RecordMissAsync"/> decides whose searches count.
/// </summary>
public sealed class ReaderSearch(ISearchIndex index, SpaceAccess access, InsightsService insights)
{
    /// <summary>Runs <paramref name="request"/> over what <paramref name="user"/> may read.</summary>
    public async Task<SearchResults> SearchAsync(ClaimsPrincipal user, SearchRequest request)
    {
        var results = index.Search(request with { VisibleSpaces = access.VisibleSpaces(user) });
        if (IsGap(request, results))
        {
            await insights.RecordMissAsync(user, request.Query, request.Space);
        }

        return results;
    }

    private static bool IsGap(SearchRequest request, SearchResults results) =>
        results.Total == 0 && request.Offset == 0 && !request.PrefixLastWord && !string.IsNullOrWhiteSpace(request.Query);
}
