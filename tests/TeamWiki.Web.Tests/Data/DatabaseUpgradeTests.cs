using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using TeamWiki.Storage;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.People;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Data;

/// <summary>
/// An installation made with the first migration, with accounts and tokens in it, is upgraded by the app's
/// start to the current schema, and everything in it still works: sign-in data, roles, tokens (revoked ones
/// stay revoked), and the features whose tables came later.
/// </summary>
public sealed class DatabaseUpgradeTests
{
    private const string Password = "Oud-wachtwoord-1";
    private const string AnnaToken = "tw_upgrade_anna_0123456789abcdef";
    private const string BramToken = "tw_upgrade_bram_0123456789abcdef";
    private const string RevokedToken = "tw_upgrade_revoked_0123456789abc";

    [Fact]
    public async Task A_SQLite_database_from_the_first_migration_keeps_its_data_through_the_upgrade()
    {
        var directory = Path.Combine(Path.GetTempPath(), "teamwiki-web-tests", Guid.NewGuid().ToString("n"));
        try
        {
            var folder = DataFolder.Prepare(directory);
            await using (var db = new TeamWikiDbContext(new DbContextOptionsBuilder<TeamWikiDbContext>().UseSqlite($"Data Source={folder.DatabaseFile}").Options))
            {
                await CreateFirstVersionAsync(db);
            }

            SqliteConnection.ClearAllPools();
            using var server = new UpgradedSqliteFactory(directory);
            await AssertEverythingIsThereAsync(server);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [PostgreSqlFact]
    public async Task A_PostgreSQL_database_from_the_first_migration_keeps_its_data_through_the_upgrade()
    {
        var connectionString = TestPostgres.CreateDatabase();
        await using (var db = new PostgreSqlTeamWikiDbContext(new DbContextOptionsBuilder<PostgreSqlTeamWikiDbContext>().UseNpgsql(connectionString).Options))
        {
            await CreateFirstVersionAsync(db);
        }

        using var server = new UpgradedPostgreSqlFactory(connectionString);
        await AssertEverythingIsThereAsync(server);
    }

    /// <summary>Applies only the first migration and fills it the way that version of the app did, with plain SQL.</summary>
    private static async Task CreateFirstVersionAsync(TeamWikiDbContext db)
    {
        var first = db.Database.GetMigrations().First();
        await db.GetService<IMigrator>().MigrateAsync(first);
        Assert.Equal([first], await db.Database.GetAppliedMigrationsAsync());

        var created = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero).UtcTicks;
        var hash = new PasswordHasher<WikiUser>().HashPassword(new WikiUser(), Password);
        await InsertUserAsync(db, "user-anna", "anna@example.org", "Anna de Vries", "anna", hash, created);
        await InsertUserAsync(db, "user-bram", "bram@example.org", "Bram Bakker", "bram", hash, created);
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "AspNetRoles" ("Id", "Name", "NormalizedName", "ConcurrencyStamp") VALUES ('role-admin', 'admin', 'ADMIN', 'stamp')""");
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") VALUES ('user-anna', 'role-admin')""");
        await InsertTokenAsync(db, "user-anna", AnnaToken, created);
        await InsertTokenAsync(db, "user-bram", BramToken, created);
        var revoked = await InsertTokenAsync(db, "user-bram", RevokedToken, created);
        await db.Database.ExecuteSqlAsync($"""UPDATE "ApiTokens" SET "RevokedAt" = {created + 1} WHERE "Id" = {revoked}""");
    }

    private static async Task AssertEverythingIsThereAsync(TeamWikiFactory server)
    {
        var anna = server.ClientWithToken(AnnaToken);
        var me = await (await anna.GetAsync("/api/me")).ReadJsonAsync();
        Assert.Equal(("anna", "Anna de Vries", true), (me.Str("handle"), me.Str("name"), me.GetProperty("isAdmin").GetBoolean()));
        var bram = server.ClientWithToken(BramToken);
        var bramMe = await (await bram.GetAsync("/api/me")).ReadJsonAsync();
        Assert.Equal(("bram", false), (bramMe.Str("handle"), bramMe.GetProperty("isAdmin").GetBoolean()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.ClientWithToken(RevokedToken).GetAsync("/api/me")).StatusCode);

        var users = (await (await anna.GetAsync("/api/users")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(["anna@example.org", "bram@example.org"], users.Select(u => u.Str("email")).Order());
        Assert.All(users, u => Assert.False(u.GetProperty("disabled").GetBoolean()));

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<UserManager<WikiUser>>();
            var stored = await accounts.FindByEmailAsync("bram@example.org");
            Assert.NotNull(stored);
            Assert.True(await accounts.CheckPasswordAsync(stored, Password), "The password no longer works after the upgrade");
            Assert.False(stored.IsGuest);
            var db = scope.ServiceProvider.GetRequiredService<TeamWikiDbContext>();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        // Tables that later migrations added work for the old accounts.
        Assert.Equal(HttpStatusCode.Created, (await anna.PostAsJsonAsync("/api/spaces", new { key = "na-upgrade", name = "Na de upgrade" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await anna.PutAsJsonAsync("/api/spaces/na-upgrade/members/bram", new { role = "member" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bram.PutAsync("/api/watches?target=space:na-upgrade", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await bram.PostAsJsonAsync("/api/spaces/na-upgrade/posts", new { markdown = "Alles is er nog." })).StatusCode);
    }

    private static async Task InsertUserAsync(TeamWikiDbContext db, string id, string email, string name, string handle, string hash, long created)
    {
        var normal = email.ToUpperInvariant();
        var stamp = Guid.NewGuid().ToString();
        // PostgreSQL's first migration already had IsGuest (without a default); SQLite's got it later.
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AspNetUsers" ("Id", "DisplayName", "Handle", "CreatedAt", "IsGuest", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
                    "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
                VALUES ({id}, {name}, {handle}, {created}, {false}, {email}, {normal}, {email}, {normal}, {true}, {hash}, {stamp}, {stamp}, {false}, {false}, {true}, {0})
                """);
            return;
        }

        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AspNetUsers" ("Id", "DisplayName", "Handle", "CreatedAt", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
                "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            VALUES ({id}, {name}, {handle}, {created}, {email}, {normal}, {email}, {normal}, {true}, {hash}, {stamp}, {stamp}, {false}, {false}, {true}, {0})
            """);
    }

    private static async Task<Guid> InsertTokenAsync(TeamWikiDbContext db, string userId, string secret, long created)
    {
        var id = Guid.NewGuid();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        var prefix = secret[..10];
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ApiTokens" ("Id", "UserId", "Name", "SecretHash", "Prefix", "CreatedAt") VALUES ({id}, {userId}, {"script"}, {hash}, {prefix}, {created})
            """);
        return id;
    }

    private sealed class UpgradedSqliteFactory(string dataDirectory) : TeamWikiFactory(dataDirectory)
    {
        protected override bool Bootstrap => false;
    }

    private sealed class UpgradedPostgreSqlFactory(string connectionString) : PostgreSqlFactory(connectionString)
    {
        protected override bool Bootstrap => false;
    }
}
