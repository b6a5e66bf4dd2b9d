using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Data;

namespace TeamWiki.Storage.Tests.Data;

/// <summary>The two database failures the wiki answers on purpose, recognised from real SQLite errors.</summary>
public sealed class DatabaseErrorsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "teamwiki-db-tests", Guid.NewGuid().ToString("n"));

    [Fact]
    public async Task A_second_insert_of_the_same_unique_row_is_reported_as_a_duplicate_and_not_saved()
    {
        var options = await MigratedAsync();
        await using (var first = new TeamWikiDbContext(options))
        {
            first.Roles.Add(new IdentityRole("redactie") { NormalizedName = "REDACTIE" });
            Assert.True(await first.SaveUnlessDuplicateAsync());
        }

        await using var second = new TeamWikiDbContext(options);
        second.Roles.Add(new IdentityRole("redactie") { NormalizedName = "REDACTIE" });

        Assert.False(await second.SaveUnlessDuplicateAsync());
        Assert.Empty(second.ChangeTracker.Entries());
        Assert.Equal(1, await second.Roles.CountAsync(r => r.NormalizedName == "REDACTIE"));
        var error = await Assert.ThrowsAsync<DbUpdateException>(async () =>
        {
            second.Roles.Add(new IdentityRole("redactie") { NormalizedName = "REDACTIE" });
            await second.SaveChangesAsync();
        });
        Assert.True(DatabaseErrors.IsUniqueViolation(error));
        Assert.False(DatabaseErrors.IsUnavailable(error));
    }

    [Fact]
    public async Task A_database_file_that_cannot_be_opened_is_unavailable_and_a_bad_statement_is_not()
    {
        var folder = Path.Combine(_root, "not-a-file.db");
        Directory.CreateDirectory(folder);
        await using var broken = new TeamWikiDbContext(new DbContextOptionsBuilder<TeamWikiDbContext>().UseSqlite($"Data Source={folder}").Options);

        var unavailable = await Assert.ThrowsAsync<SqliteException>(() => broken.Users.AnyAsync());
        Assert.True(DatabaseErrors.IsUnavailable(unavailable));
        Assert.False(DatabaseErrors.IsUniqueViolation(unavailable));

        await using var working = new TeamWikiDbContext(await MigratedAsync());
        var bad = await Assert.ThrowsAsync<SqliteException>(() => working.Database.ExecuteSqlRawAsync("SELECT * FROM \"NoSuchTable\""));
        Assert.False(DatabaseErrors.IsUnavailable(bad));
    }

    private async Task<DbContextOptions<TeamWikiDbContext>> MigratedAsync()
    {
        Directory.CreateDirectory(_root);
        var options = new DbContextOptionsBuilder<TeamWikiDbContext>().UseSqlite($"Data Source={Path.Combine(_root, "teamwiki.db")}").Options;
        await using var db = new TeamWikiDbContext(options);
        await db.Database.MigrateAsync();
        return options;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
