using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TeamWiki.Storage.Data;

namespace TeamWiki.Storage.Tests.Data;

public sealed class DatabaseProviderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "teamwiki-db-tests", Guid.NewGuid().ToString("n"));

    [Fact]
    public void Sqlite_is_the_default_and_its_migrations_match_the_model()
    {
        using var provider = Services(null);
        using var db = provider.GetRequiredService<IDbContextFactory<TeamWikiDbContext>>().CreateDbContext();

        Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_AddConversationNotificationsAndActivity", StringComparison.Ordinal));
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration");
    }

    [Fact]
    public void PostgreSql_is_configurable_with_its_own_migrations()
    {
        using var provider = Services(new DatabaseOptions { Provider = "PostgreSQL", ConnectionString = "Host=127.0.0.1;Port=1;Database=teamwiki" });
        using var db = provider.GetRequiredService<IDbContextFactory<TeamWikiDbContext>>().CreateDbContext();

        Assert.IsType<PostgreSqlTeamWikiDbContext>(db);
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        var migrations = db.Database.GetMigrations().ToList();
        Assert.Contains(migrations, m => m.EndsWith("_InitialPostgreSql", StringComparison.Ordinal));
        Assert.DoesNotContain(migrations, m => m.EndsWith("_InitialAccounts", StringComparison.Ordinal));
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration");
        var script = db.Database.GenerateCreateScript();
        Assert.Contains("CREATE TABLE \"Posts\"", script);
        Assert.Contains("boolean", script);
    }

    [Theory]
    [InlineData("Oracle", "Host=x")]
    [InlineData("PostgreSQL", null)]
    public void An_unknown_provider_or_missing_connection_string_stops_the_start(string provider, string? connection)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Services(new DatabaseOptions { Provider = provider, ConnectionString = connection }));
        Assert.Contains("TeamWiki:Database:", error.Message);
    }

    private ServiceProvider Services(DatabaseOptions? options)
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddTeamWikiStorage(DataFolder.Prepare(_root), options);
        return services.BuildServiceProvider();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
