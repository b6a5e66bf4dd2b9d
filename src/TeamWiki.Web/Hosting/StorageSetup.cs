using Microsoft.Extensions.Options;
using TeamWiki.Storage;
using TeamWiki.Storage.Data;

namespace TeamWiki.Web.Hosting;

/// <summary>Registers the storage layer: the git store, the database and the change feed.</summary>
public static class StorageSetup
{
    /// <summary>Adds storage with the size limits of <see cref="TeamWikiOptions"/>.</summary>
    public static WebApplicationBuilder AddTeamWikiStorage(this WebApplicationBuilder builder, DataFolder data)
    {
        builder.Services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration.GetSection("TeamWiki:Storage"))
            .PostConfigure<IOptions<TeamWikiOptions>>((storage, wiki) =>
            {
                storage.MaxPageBytes = wiki.Value.MaxPageBytes;
                storage.MaxUploadBytes = wiki.Value.MaxUploadBytes;
            });
        builder.Services.AddTeamWikiStorage(data, builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>());
        return builder;
    }
}
