using TeamWiki.Storage.Data;

namespace TeamWiki.Web.Hosting;

/// <summary>
/// A database that cannot be reached (a stopped PostgreSQL server, a SQLite file that cannot be opened)
/// is the server's trouble for now, not a bug: every request that runs into it, wherever (the API token
/// check, an endpoint, a page), answers 503 with a problem description and a <c>Retry-After</c>, in this
/// one place. What counts as "unreachable" is decided by <see cref="DatabaseErrors.IsUnavailable"/>.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>Adds the middleware; put it early, before authentication.</summary>
    public static void UseDatabaseUnavailable(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseUnavailable));
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex) when (DatabaseErrors.IsUnavailable(ex) && !context.Response.HasStarted)
            {
                logger.LogError(ex, "The database is unavailable; answered {Path} with 503", context.Request.Path);
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Database unavailable",
                    detail: "The wiki cannot reach its database right now. Try again in a moment.").ExecuteAsync(context);
            }
        });
    }
}
