using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TeamWiki.Storage.Data;

/// <summary>
/// The same model on PostgreSQL (<c>TeamWiki:Database:Provider = PostgreSQL</c>). A type of its own so its
/// migrations, generated for PostgreSQL, live apart from SQLite's.
/// </summary>
public sealed class PostgreSqlTeamWikiDbContext(DbContextOptions<PostgreSqlTeamWikiDbContext> options) : TeamWikiDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add X --context PostgreSqlTeamWikiDbContext</c> build the context without a server.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlTeamWikiDbContext>
{
    public PostgreSqlTeamWikiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlTeamWikiDbContext>().UseNpgsql("Host=localhost;Database=teamwiki_design").Options);
}
