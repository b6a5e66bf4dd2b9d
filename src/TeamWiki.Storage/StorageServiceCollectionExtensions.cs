using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.People;
using TeamWiki.Storage.Spaces;

namespace TeamWiki.Storage;

/// <summary>Registers the content store and the database.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the git content repository, page catalog and store, the watcher for outside commits, and the
    /// SQLite database, all inside <paramref name="folder"/>. Bind <see cref="StorageOptions"/> separately.
    /// </summary>
    public static IServiceCollection AddTeamWikiStorage(this IServiceCollection services, DataFolder folder, DatabaseOptions? database = null)
    {
        services.AddSingleton(folder);
        services.AddSingleton(sp => GitContentRepository.OpenOrCreate(folder.GitDirectory, sp.GetRequiredService<ILogger<GitContentRepository>>()));
        services.AddSingleton<IContentFiles>(sp => sp.GetRequiredService<GitContentRepository>());
        services.AddSingleton<Changes.IChangeFeed>(sp => new Changes.ChangeFeed(sp.GetRequiredService<GitContentRepository>()));
        services.AddSingleton<IContentCatalog>(sp => new ContentCatalog(sp.GetRequiredService<GitContentRepository>(), folder.CatalogCacheFile, sp.GetRequiredService<ILogger<ContentCatalog>>()));
        services.AddSingleton(sp => new History.HistoryIndex(sp.GetRequiredService<Changes.IChangeFeed>(), folder.HistoryIndexFile, sp.GetRequiredService<GitContentRepository>(), sp.GetRequiredService<ILogger<History.HistoryIndex>>()));
        services.AddSingleton(sp => new History.LastChangeCache(sp.GetRequiredService<GitContentRepository>(), sp.GetRequiredService<History.HistoryIndex>()));
        services.AddHostedService<History.HistoryIndexer>();
        services.AddSingleton<PageRedirects>();
        services.AddSingleton<IPageStore, PageStore>();
        services.AddHostedService<ExternalCommitWatcher>();
        database ??= new DatabaseOptions();
        database.Validate();
        if (database.IsPostgreSql)
        {
            services.AddDbContextFactory<PostgreSqlTeamWikiDbContext>((sp, o) => o.UseNpgsql(database.ConnectionString).AddInterceptors(new AccountChangeInterceptor(sp.GetRequiredService<ApiTokenCache>())));
            services.AddSingleton<IDbContextFactory<TeamWikiDbContext>>(sp => new UpcastDbContextFactory<PostgreSqlTeamWikiDbContext>(sp.GetRequiredService<IDbContextFactory<PostgreSqlTeamWikiDbContext>>()));
            services.AddScoped<TeamWikiDbContext>(sp => sp.GetRequiredService<IDbContextFactory<TeamWikiDbContext>>().CreateDbContext());
        }
        else
        {
            services.AddDbContextFactory<TeamWikiDbContext>((sp, o) => o.UseSqlite(database.ConnectionString ?? $"Data Source={folder.DatabaseFile}")
                .AddInterceptors(new SqlitePragmas(), new AccountChangeInterceptor(sp.GetRequiredService<ApiTokenCache>())));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ApiTokenCache>();
        services.AddSingleton<ApiTokens>();
        services.AddSingleton<Invitations>();
        services.AddSingleton<SpaceMembers>();
        services.AddSingleton<SpaceStore>();
        services.AddSingleton<Tasks.TaskStore>();
        services.AddSingleton<Documents.DocumentStore>();
        services.AddSingleton<Media.PageMedia>();
        return services;
    }
}
