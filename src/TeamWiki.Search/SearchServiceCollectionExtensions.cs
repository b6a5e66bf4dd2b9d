using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamWiki.Search.Analysis;

namespace TeamWiki.Search;

/// <summary>Registers the search index.</summary>
public static class SearchServiceCollectionExtensions
{
    /// <summary>Adds the analysers and the index kept in <paramref name="indexDirectory"/>.</summary>
    public static IServiceCollection AddTeamWikiSearch(this IServiceCollection services, string indexDirectory)
    {
        services.AddSingleton<WikiAnalyzers>();
        services.AddSingleton(sp => new WikiSearchIndex(indexDirectory, sp.GetRequiredService<WikiAnalyzers>(), sp.GetRequiredService<ILogger<WikiSearchIndex>>()));
        services.AddSingleton<ISearchIndex>(sp => sp.GetRequiredService<WikiSearchIndex>());
        return services;
    }
}
