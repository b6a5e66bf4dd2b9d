using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Hosting;
using TeamWiki.Web.Markup;

namespace TeamWiki.Web.Startup;

/// <summary>What happens once at start, before the first request is served.</summary>
public static class Initialisation
{
    /// <summary>
    /// Seeds an empty repository from the sample wiki, applies database migrations and creates the admin
    /// from configuration. Meanwhile, on another thread, the page catalog is built and the renderer is
    /// warmed up; a request that needs them before they are done waits for them. The indexes catch up in
    /// the background; the word lists of search are loaded once the first requests were answered.
    /// </summary>
    public static async Task InitialiseTeamWikiAsync(this WebApplication app)
    {
        var services = app.Services;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("TeamWiki");
        var options = services.GetRequiredService<IOptions<TeamWikiOptions>>().Value;
        var watch = Stopwatch.StartNew();

        var repository = services.GetRequiredService<GitContentRepository>();
        if (options.SeedSampleContent)
        {
            var sample = options.SampleContentDirectory ?? Path.Combine(AppContext.BaseDirectory, "content-sample");
            ContentSeeder.SeedIfEmpty(repository, sample, logger);
        }

        var warmUp = Task.Run(() => WarmUp(services, logger));
        // First in the pipeline, so it sees every request: what can wait starts once they have been answered.
        var quiet = new StartupQuiet(services.GetService<TimeProvider>() ?? TimeProvider.System);
        app.Use((context, next) => quiet.TrackAsync(context, () => next(context)));
        _ = Task.Run(() => WarmUpLaterAsync(services, quiet, logger, app.Lifetime.ApplicationStopping));

        await using (var db = await services.GetRequiredService<IDbContextFactory<TeamWikiDbContext>>().CreateDbContextAsync())
        {
            // Migrating checks the model against the last migration's snapshot, which builds both models: a
            // second of CPU at every start. Asking which migrations the database lacks reads one table; the
            // tests guard that every model change has its migration (DatabaseProviderTests).
            if ((await db.Database.GetPendingMigrationsAsync()).Any())
            {
                await db.Database.MigrateAsync();
            }

            if (db.Database.IsSqlite())
            {
                // Write-ahead logging: readers (every API token check) no longer wait for writers
                // (activity recorded after each commit, notifications). Persistent in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
        }

        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().RunAsync();
        }

        logger.LogInformation("Repository and database ready in {Ms} ms", watch.ElapsedMilliseconds);
        _ = warmUp;

        var setUp = await services.GetRequiredService<SetupState>().IsCompleteAsync();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                logger.LogInformation("TeamWiki is running at {Url}", address);
            }

            if (!setUp)
            {
                // Whoever opens the URL first becomes the administrator; see README on the bootstrap settings.
                logger.LogWarning("No administrator yet: open the URL above to create the admin account");
            }
        });
    }

    /// <summary>
    /// What the first page view needs: the catalog (each space's pages, titles and tree are made on that space's first
    /// use) and the Markdown renderer. The warm-up's link is a path, so it makes no space's titles.
    /// </summary>
    private static void WarmUp(IServiceProvider services, ILogger logger)
    {
        try
        {
            var watch = Stopwatch.StartNew();
            var snapshot = services.GetRequiredService<IContentCatalog>().Current;
            var catalogMs = watch.ElapsedMilliseconds;
            services.GetRequiredService<MarkdownRenderer>()
                .Render("# Opwarmen\n\n**vet** [[handboek/welkom]] | a |\n|---|\n| b |\n", "handboek/opwarmen", new CatalogLinkResolver(snapshot, TeamWiki.Web.Auth.ReadableSpaces.All));
            logger.LogInformation("Catalog of {Count} pages in {CatalogMs} ms; renderer ready in {Ms} ms",
                snapshot.Pages.Count, catalogMs, watch.ElapsedMilliseconds - catalogMs);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Warming up failed; pages are read on first view instead");
        }
    }

    /// <summary>
    /// What only search needs (the Dutch word lists, seconds of work) and the backlinks' link graph (every
    /// page read once), once the first requests were answered.
    /// Authors and dates of pages are no longer preloaded: each is one lookup in the history index on a
    /// page's first view, and preloading all of them grew with the number of pages.
    /// </summary>
    private static async Task WarmUpLaterAsync(IServiceProvider services, StartupQuiet quiet, ILogger logger, CancellationToken ct)
    {
        try
        {
            await quiet.WhenQuietAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), ct);
            var watch = Stopwatch.StartNew();
            services.GetRequiredService<TeamWiki.Search.Analysis.WikiAnalyzers>().Preload();
            logger.LogInformation("Dutch word lists loaded in {Ms} ms", watch.ElapsedMilliseconds);
            services.GetRequiredService<Pages.Links.LinkGraph>().CatchUpNow();
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // Stopped before it was quiet: nothing to load any more.
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Loading the word lists or the link graph failed; the first search or page view loads them");
        }
    }
}
