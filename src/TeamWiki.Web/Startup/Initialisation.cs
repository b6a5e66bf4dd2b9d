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
using TeamWiki.Web.Markup;

namespace TeamWiki.Web.Startup;

/// <summary>What happens once at start, before the first request is served.</summary>
public static class Initialisation
{
    /// <summary>
    /// Seeds an empty repository from the sample wiki, applies database migrations and creates the admin
    /// from configuration. Meanwhile, on another thread, the page catalog is built, page authors are
    /// preloaded and the renderer is warmed up; a request that needs them before they are done waits for
    /// them. The search index catches up in the background.
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

        await using (var db = await services.GetRequiredService<IDbContextFactory<TeamWikiDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
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

    private static void WarmUp(IServiceProvider services, ILogger logger)
    {
        try
        {
            var watch = Stopwatch.StartNew();
            var snapshot = services.GetRequiredService<IContentCatalog>().Current;
            var catalogMs = watch.ElapsedMilliseconds;
            services.GetRequiredService<MarkdownRenderer>()
                .Render("# Opwarmen\n\n**vet** [[Welkom]] | a |\n|---|\n| b |\n", "handboek/opwarmen", new CatalogLinkResolver(snapshot, TeamWiki.Web.Auth.ReadableSpaces.All));
            if (services.GetRequiredService<IPageStore>() is PageStore pages)
            {
                pages.PreloadLastChanges();
            }

            var preloadMs = watch.ElapsedMilliseconds;
            services.GetRequiredService<TeamWiki.Search.Analysis.WikiAnalyzers>().Preload();
            logger.LogInformation("Catalog of {Count} pages in {CatalogMs} ms; authors and dates preloaded in {PreloadMs} ms; Dutch word lists loaded in {Ms} ms",
                snapshot.Pages.Count, catalogMs, preloadMs, watch.ElapsedMilliseconds - preloadMs);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Warming up failed; pages are read on first view instead");
        }
    }
}
