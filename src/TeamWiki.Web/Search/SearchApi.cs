using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TeamWiki.Search;
using TeamWiki.Search.Query;
using TeamWiki.Storage.Problems;
using TeamWiki.Web.Api;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Items;

namespace TeamWiki.Web.Search;

/// <summary>A search hit as the API returns it.</summary>
public sealed record SearchItemResponse(string Path, string Title, string Space, string Kind, string Snippet, float Score, IReadOnlyList<string> Tags, DateTimeOffset Updated, string Url);

/// <summary>The answer of <c>GET /api/search</c>.</summary>
public sealed record SearchResponse(
    int Total,
    double TookMs,
    IReadOnlyList<SearchItemResponse> Items,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets,
    string? Suggestion,
    IReadOnlyList<string> Notices,
    string? Message);

/// <summary>A suggestion: a page, task or document title, a space (kind "space", path = key) or a person (kind "person", path = handle).</summary>
public sealed record SuggestionResponse(string Path, string Title, string Kind, string Space, string Url);

/// <summary><c>/api/search</c> and <c>/api/search/suggest</c>.</summary>
public static class SearchApi
{
    /// <summary>Maps the routes.</summary>
    public static void MapSearchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/search", Search).Refuses(ProblemKind.Invalid);
        api.MapGet("/search/suggest", Suggest);
    }

    /// <summary>The kinds a search can be limited to with <c>kind=</c>.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["page", "task", "document", "post", "comment", "person"];

    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> Search(Insights.ReaderSearch search, ClaimsPrincipal user, string? q, int? limit, int? offset, string? space, string? tag, string? sort, bool? prefix, string? kind)
    {
        var watch = Stopwatch.StartNew();
        if (kind is not null && !Kinds.Contains(kind.Trim().ToLowerInvariant()))
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "Unknown kind", $"kind is one of {string.Join(", ", Kinds)}");
        }

        var results = await search.SearchAsync(user, new SearchRequest(q ?? "", Math.Clamp(limit ?? 10, 1, SearchRequest.MaxLimit), Math.Clamp(offset ?? 0, 0, SearchRequest.MaxOffset),
            space, tag, sort, prefix ?? false, Kind: kind?.Trim().ToLowerInvariant()));
        var items = results.Items.Select(i => new SearchItemResponse(i.Path, i.Title, i.Space, i.Kind, i.Snippet, i.Score, i.Tags, i.Updated, ItemLinks.For(i.Kind, i.Path))).ToList();
        return TypedResults.Ok(new SearchResponse(results.Total, Math.Round(watch.Elapsed.TotalMilliseconds, 2), items, results.Facets, results.Suggestion,
            results.Notices.Select(n => n.ToString()).ToList(), Message(results.Notices)));
    }

    private static async Task<Ok<IReadOnlyList<SuggestionResponse>>> Suggest(HeaderSuggestions suggestions, ClaimsPrincipal user, string? q) =>
        TypedResults.Ok(await suggestions.ForAsync(user, q ?? ""));

    /// <summary>A plain explanation of the notices, for API clients.</summary>
    private static string? Message(IReadOnlyList<QueryNotice> notices) =>
        notices.Count == 0 ? null : string.Join(" ", notices.Select(n => n switch
        {
            QueryNotice.Truncated => $"The query was cut to {QueryLimits.MaxLength} characters.",
            QueryNotice.TooManyWords => $"Only the first {QueryLimits.MaxWords} words were used.",
            QueryNotice.OnlyCommonWords => "The query has only very common words; they were searched as written.",
            QueryNotice.Fuzzy => "Some words were not found as written; similar words were searched too.",
            _ => n.ToString(),
        }));
}
