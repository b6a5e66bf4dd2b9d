using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TeamWiki.Search;
using TeamWiki.Storage.Changes;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Git;
using TeamWiki.Web.Search.Indexing;

namespace TeamWiki.Web.Api;

/// <summary>The answer of <c>GET /health</c>.</summary>
public sealed record HealthResponse(string Status, string Repository, string Database, string Index, string Indexer, string? Head, string? IndexedCommit,
    IndexerDetails IndexerDetails);

/// <summary>
/// <c>GET /health</c>: 200 with status "ok" when the repository, the database, the index and the indexer
/// are fine; 200 with "degraded" when the indexer has been behind the branch for a while (search is
/// stale, the wiki works); 503 with "unhealthy" when a store is unusable or the indexer is failing.
/// </summary>
public static class HealthApi
{
    /// <summary>Maps the route (anonymous: load balancers and monitors call it).</summary>
    public static void MapHealthApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", Check).AllowAnonymous()
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> Check(IChangeFeed feed, IDbContextFactory<TeamWikiDbContext> contexts, ISearchIndex index,
        IndexerStatus indexer, CancellationToken ct)
    {
        var repositoryOk = Try(() => feed.Head is not { } tip || feed.Contains(tip));
        bool databaseOk;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            databaseOk = await db.Database.CanConnectAsync(ct);
        }
        catch (Exception)
        {
            databaseOk = false;
        }

        var indexOk = Try(index.IsHealthy);
        var head = feed.Head;
        var indexedCommit = index.IndexedCommit;
        var (indexerState, details) = indexer.Evaluate(upToDate: head is null || head == indexedCommit);
        var unhealthy = !(repositoryOk && databaseOk && indexOk) || indexerState == "failing";
        var body = new HealthResponse(
            Status: unhealthy ? "unhealthy" : indexerState == "ok" ? "ok" : "degraded",
            Repository: repositoryOk ? "ok" : "failing",
            Database: databaseOk ? "ok" : "failing",
            Index: indexOk ? "ok" : "failing",
            Indexer: indexerState,
            Head: head,
            IndexedCommit: indexedCommit,
            IndexerDetails: details);
        // A 503 with the same body: monitors read why, load balancers only the status.
        return unhealthy ? TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable) : TypedResults.Ok(body);
    }

    private static bool Try(Func<bool> check)
    {
        try
        {
            return check();
        }
        catch (Exception)
        {
            return false;
        }
    }
}
