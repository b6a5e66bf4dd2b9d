using Microsoft.EntityFrameworkCore;
using TeamWiki.Search;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Git;

namespace TeamWiki.Web.Api;

/// <summary><c>GET /health</c>: 200 when the repository, the database and the index are usable, else 503.</summary>
public static class HealthApi
{
    /// <summary>Maps the route (anonymous: load balancers and monitors call it).</summary>
    public static void MapHealthApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", Check).AllowAnonymous();

    private static async Task<IResult> Check(IContentRepository repository, IDbContextFactory<TeamWikiDbContext> contexts, ISearchIndex index, CancellationToken ct)
    {
        var repositoryOk = Try(() => repository.Head is null || repository.FindCommit(repository.Head) is not null);
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
        var ok = repositoryOk && databaseOk && indexOk;
        var body = new
        {
            status = ok ? "ok" : "unhealthy",
            repository = repositoryOk ? "ok" : "failing",
            database = databaseOk ? "ok" : "failing",
            index = indexOk ? "ok" : "failing",
            head = repository.Head,
            indexedCommit = index.IndexedCommit,
        };
        return ok ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
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
