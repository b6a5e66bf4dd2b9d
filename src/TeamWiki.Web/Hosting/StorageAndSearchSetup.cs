using TeamWiki.Search;
using TeamWiki.Storage;
using TeamWiki.Web.Indexing;

namespace TeamWiki.Web.Hosting;

/// <summary>Registers storage, search and the feed between them.</summary>
public static class StorageAndSearchSetup
{
    /// <summary>Adds the git store, the database, the index and the indexer that keeps it current.</summary>
    public static WebApplicationBuilder AddTeamWikiStorageAndSearch(this WebApplicationBuilder builder, DataFolder data)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration.GetSection("TeamWiki:Storage"))
            .PostConfigure<Microsoft.Extensions.Options.IOptions<TeamWikiOptions>>((storage, wiki) =>
            {
                storage.MaxPageBytes = wiki.Value.MaxPageBytes;
                storage.MaxUploadBytes = wiki.Value.MaxUploadBytes;
            });
        services.AddTeamWikiStorage(data, builder.Configuration.GetSection(TeamWiki.Storage.Data.DatabaseOptions.Section).Get<TeamWiki.Storage.Data.DatabaseOptions>());
        services.AddTeamWikiSearch(data.IndexDirectory);
        services.AddSingleton(sp => new PageDocuments(sp.GetRequiredService<Markup.MarkdownRenderer>(), sp.GetRequiredService<TeamWiki.Storage.Pages.IContentCatalog>()));
        services.AddSingleton<DocumentText>();
        services.AddSingleton(sp => new IndexerStatus(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<IndexFeeder>();
        services.AddHostedService(sp => sp.GetRequiredService<IndexFeeder>());
        return builder;
    }
}
