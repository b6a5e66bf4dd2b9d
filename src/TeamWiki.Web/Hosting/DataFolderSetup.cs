using TeamWiki.Storage;

namespace TeamWiki.Web.Hosting;

/// <summary>Binds <see cref="TeamWikiOptions"/> and prepares the data folder.</summary>
public static class DataFolderSetup
{
    /// <summary>
    /// Reads <c>TeamWiki:DataDirectory</c> (default <c>data</c>, relative to the current directory, as a
    /// person running <c>dotnet run</c> expects) and creates the folder.
    /// </summary>
    public static DataFolder AddTeamWikiDataFolder(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TeamWikiOptions.Section);
        builder.Services.AddOptions<TeamWikiOptions>().Bind(section);
        var options = section.Get<TeamWikiOptions>() ?? new TeamWikiOptions();
        return DataFolder.Prepare(Path.GetFullPath(options.DataDirectory, Directory.GetCurrentDirectory()));
    }
}
