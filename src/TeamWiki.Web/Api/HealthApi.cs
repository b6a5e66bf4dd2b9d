using Microsoft.EntityFrameworkCore;
using TeamWiki.Search;
using TeamWiki.Storage.Changes;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Git;
using TeamWiki.Web.Search.Indexing;

namespace TeamWiki.Web.Api;

/// <summary>
/// <c>GET /health</c>: 200 with status "ok" when the repository, the database, the index and the indexer
/// are fine; 200 with "degraded" when the indexer has been behind the branch for a while (search is
/// stale, the wiki works); 503 with "unhealthy" when a store is unusable or the indexer is failing.
/// </summary>
public static class HealthApi
{
    /// <summary>Maps the route (anonymous: load balancers and monitors call it).</summary>
    public static void MapHealthApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", Check).AllowAnonymous();

    private static async Task<IResult> Check(IChangeFeed feed, IDbContextFactory<TeamWikiDbContext> contexts, ISearchIndex index,
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
        var body = new
        {
            status = unhealthy ? "unhealthy" : indexerState == "ok" ? "ok" : "degraded",
            repository = repositoryOk ? "ok" : "failing",
            database = databaseOk ? "ok" : "failing",
            index = indexOk ? "ok" : "failing",
            indexer = indexerState,
            head,
            indexedCommit,
            indexerDetails = details,
        };
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
