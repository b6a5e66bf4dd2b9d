using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Hosting;

/// <summary>What happens once at start, in this order, before the first request is served.</summary>
public static class Initialisation
{
    /// <summary>
    /// Applies database migrations, seeds an empty repository from the sample wiki, creates the admin
    /// from configuration, and warms the page catalog. The search index catches up in the background.
    /// </summary>
    public static async Task InitialiseTeamWikiAsync(this WebApplication app)
    {
        var services = app.Services;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("TeamWiki");
        var options = services.GetRequiredService<IOptions<TeamWikiOptions>>().Value;

        await using (var db = await services.GetRequiredService<IDbContextFactory<TeamWikiDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        var repository = services.GetRequiredService<IContentRepository>();
        if (options.SeedSampleContent)
        {
            var sample = options.SampleContentDirectory ?? Path.Combine(AppContext.BaseDirectory, "content-sample");
            ContentSeeder.SeedIfEmpty(repository, sample, logger);
        }

        await services.GetRequiredService<SetupState>().LoadAsync();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().RunAsync();
        }

        _ = services.GetRequiredService<IContentCatalog>().Current;

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                logger.LogInformation("TeamWiki is running at {Url}", address);
            }

            if (!services.GetRequiredService<SetupState>().HasUsers)
            {
                logger.LogInformation("No accounts yet: open the URL above to create the admin account");
            }
        });
    }
}
