using TeamWiki.Search;
using TeamWiki.Storage;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Markup;
using TeamWiki.Web.Search.Indexing;
using TeamWiki.Web.Search.Said;

namespace TeamWiki.Web.Search;

/// <summary>Registers the search index and the indexer that follows the change feed.</summary>
public static class SearchSetup
{
    /// <summary>Adds the index in the data folder and the indexer that keeps it current.</summary>
    public static WebApplicationBuilder AddTeamWikiSearch(this WebApplicationBuilder builder, DataFolder data)
    {
        var services = builder.Services;
        services.AddTeamWikiSearch(data.IndexDirectory);
        services.AddSingleton(sp => new PageDocuments(sp.GetRequiredService<MarkdownRenderer>(), sp.GetRequiredService<IContentCatalog>()));
        services.AddSingleton<DocumentText>();
        services.AddSingleton(sp => new IndexerStatus(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<SaidDocuments>();
        services.AddSingleton<SaidIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<SaidIndexer>());
        services.AddSingleton<IRebuildSource>(sp => sp.GetRequiredService<SaidIndexer>());
        services.AddSingleton<IndexFeeder>();
        services.AddSingleton<HeaderSuggestions>();
        services.AddHostedService(sp => sp.GetRequiredService<IndexFeeder>());
        return builder;
    }
}
