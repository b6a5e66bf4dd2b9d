namespace TeamWiki.Storage.Data;

/// <summary>
/// Which database holds accounts and conversation (configuration section <c>TeamWiki:Database</c>).
/// By default a SQLite file in the data folder; a team that outgrows it sets <c>Provider</c> to
/// <c>PostgreSQL</c> and gives a <c>ConnectionString</c>. Git and the search index stay on disk either way.
/// </summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "TeamWiki:Database";

    /// <summary>"Sqlite" (default) or "PostgreSQL".</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Connection string; for SQLite the default is <c>teamwiki.db</c> in the data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>True for PostgreSQL.</summary>
    public bool IsPostgreSql => Provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) || Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
        || Provider.Equals("Npgsql", StringComparison.OrdinalIgnoreCase);

    /// <summary>Throws when the provider is not one TeamWiki knows.</summary>
    public void Validate()
    {
        if (!IsPostgreSql && !Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"TeamWiki:Database:Provider '{Provider}' is not supported; use Sqlite or PostgreSQL.");
        }

        if (IsPostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new InvalidOperationException("TeamWiki:Database:ConnectionString is required for PostgreSQL.");
        }
    }
}

/// <summary>Hands out provider-specific contexts as <see cref="TeamWikiDbContext"/>.</summary>
internal sealed class UpcastDbContextFactory<T>(Microsoft.EntityFrameworkCore.IDbContextFactory<T> inner) : Microsoft.EntityFrameworkCore.IDbContextFactory<TeamWikiDbContext>
    where T : TeamWikiDbContext
{
    public TeamWikiDbContext CreateDbContext() => inner.CreateDbContext();
}
