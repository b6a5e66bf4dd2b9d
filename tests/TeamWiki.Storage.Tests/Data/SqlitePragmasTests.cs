using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Data;

namespace TeamWiki.Storage.Tests.Data;

/// <summary>The per-connection SQLite settings hold on every use of a connection, the first and the pooled ones after it.</summary>
public sealed class SqlitePragmasTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "teamwiki-db-tests", Guid.NewGuid().ToString("n"));

    [Fact]
    public async Task EveryOpenedConnectionSyncsNormallyAndWaitsForAWriter()
    {
        Directory.CreateDirectory(_root);
        var options = new DbContextOptionsBuilder<TeamWikiDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_root, "teamwiki.db")}").AddInterceptors(new SqlitePragmas()).Options;
        for (var use = 0; use < 3; use++)
        {
            await using var db = new TeamWikiDbContext(options);
            await db.Database.OpenConnectionAsync();
            Assert.Equal(1L, await Scalar(db, "PRAGMA synchronous"));
            Assert.Equal(5000L, await Scalar(db, "PRAGMA busy_timeout"));
        }

        // A new real connection (the pool emptied) is set again.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var fresh = new TeamWikiDbContext(options);
        await fresh.Database.OpenConnectionAsync();
        Assert.Equal(1L, await Scalar(fresh, "PRAGMA synchronous"));
    }

    private static async Task<object?> Scalar(TeamWikiDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, true);
        }
        catch (IOException)
        {
        }
    }
}
