namespace TeamWiki.Web;

/// <summary>Settings of a TeamWiki installation (configuration section <c>TeamWiki</c>; environment variables <c>TeamWiki__Key</c>).</summary>
public sealed class TeamWikiOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "TeamWiki";

    /// <summary>Where the repository, database and index live (default <c>data</c> under <see cref="StartDirectory"/>).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// What a relative <see cref="DataDirectory"/> is relative to: the directory the command was started
    /// from. That is the current directory, except under <c>dotnet run</c>, which starts the app in the
    /// project folder and therefore passes the folder it was typed in (see <c>TeamWiki.Web.csproj</c>).
    /// </summary>
    public string? StartDirectory { get; set; }

    /// <summary>Let visitors who are not signed in read pages (default false: only signed-in users read).</summary>
    public bool AllowAnonymousRead { get; set; }

    /// <summary>Largest page accepted, in bytes (default 5 MB).</summary>
    public long MaxPageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Largest document upload, in bytes (default 50 MB).</summary>
    public long MaxUploadBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>
    /// Memory for rendered page views kept to serve the next reader with the same view without rendering
    /// (default 64 MB; 0 turns the cache off). See <c>Pages/Cache/PageViewCache</c>.
    /// </summary>
    public int PageCacheMegabytes { get; set; } = 64;

    /// <summary>Folder whose spaces seed an empty repository (default: the bundled <c>content-sample</c>).</summary>
    public string? SampleContentDirectory { get; set; }

    /// <summary>Seed an empty repository with the sample wiki (default true).</summary>
    public bool SeedSampleContent { get; set; } = true;

    /// <summary>First-start settings for unattended installs.</summary>
    public BootstrapOptions Bootstrap { get; set; } = new();

    /// <summary>Limits on reading the text of uploaded documents for search (section <c>TeamWiki:TextExtraction</c>).</summary>
    public Search.Indexing.Extraction.TextExtractionOptions TextExtraction { get; set; } = new();
}

/// <summary>Creates the first admin (and a token for scripts) when no user exists yet.</summary>
public sealed class BootstrapOptions
{
    /// <summary>E-mail of the admin created at first start.</summary>
    public string? AdminEmail { get; set; }

    /// <summary>Password of that admin.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Display name of that admin (default: the part of the e-mail before the @).</summary>
    public string? AdminName { get; set; }

    /// <summary>An API token (at least 16 characters) given to the admin at first start, for scripts.</summary>
    public string? ApiToken { get; set; }
}
