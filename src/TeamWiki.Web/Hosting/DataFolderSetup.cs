using TeamWiki.Storage;

namespace TeamWiki.Web.Hosting;

/// <summary>Binds <see cref="TeamWikiOptions"/> and prepares the data folder.</summary>
public static class DataFolderSetup
{
    /// <summary>
    /// Reads <c>TeamWiki:DataDirectory</c> (default <c>data</c>, relative to the directory the command was
    /// started from, as a person running <c>dotnet run</c> from the repository root expects: <c>./data</c>,
    /// not <c>src/TeamWiki.Web/data</c>) and creates the folder.
    /// </summary>
    public static DataFolder AddTeamWikiDataFolder(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TeamWikiOptions.Section);
        builder.Services.AddOptions<TeamWikiOptions>().Bind(section);
        var options = section.Get<TeamWikiOptions>() ?? new TeamWikiOptions();
        var start = string.IsNullOrWhiteSpace(options.StartDirectory) ? Directory.GetCurrentDirectory() : Path.GetFullPath(options.StartDirectory);
        return DataFolder.Prepare(Path.GetFullPath(options.DataDirectory, start));
    }
}
