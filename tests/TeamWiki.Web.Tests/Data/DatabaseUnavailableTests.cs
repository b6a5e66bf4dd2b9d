using System.Net.Http.Json;
using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Data;

/// <summary>
/// A request whose token cannot be checked because the database is down answers 503, not 500. The token
/// is one never used before: a recently used token's account is kept in memory (ApiTokenCache) and needs
/// no database to be checked.
/// </summary>
public sealed class DatabaseUnavailableTests
{
    [Fact]
    public async Task A_bearer_request_while_the_SQLite_file_cannot_be_opened_answers_503_and_recovers()
    {
        using var server = new TeamWikiFactory();
        var admin = await UnusedTokenClientAsync(server.AdminClient(), server.ClientWithToken);
        var file = Path.Combine(server.DataDirectory, "teamwiki.db");

        // The file goes away and a folder takes its place: nothing can open (or silently recreate) it.
        var moved = new List<string>();
        foreach (var part in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
        {
            File.Move(part, part + ".away");
            moved.Add(part);
        }

        Directory.CreateDirectory(file);
        SqliteConnection.ClearAllPools();
        try
        {
            await AssertUnavailableAsync(await admin.GetAsync("/api/me"));
        }
        finally
        {
            Directory.Delete(file);
            foreach (var part in moved)
            {
                File.Move(part + ".away", part, overwrite: true);
            }

            SqliteConnection.ClearAllPools();
        }

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/me")).StatusCode);
    }

    [PostgreSqlFact]
    public async Task A_bearer_request_while_the_PostgreSQL_server_is_unreachable_answers_503()
    {
        using var server = new RelayedPostgreSqlFactory();
        var admin = await UnusedTokenClientAsync(server.AdminClient(), server.ClientWithToken);

        server.Relay.Stop();
        NpgsqlConnection.ClearAllPools();

        await AssertUnavailableAsync(await admin.GetAsync("/api/me"));
    }

    /// <summary>A client with a second token of the admin, created now and not used yet.</summary>
    private static async Task<HttpClient> UnusedTokenClientAsync(HttpClient admin, Func<string, HttpClient> withToken)
    {
        var me = await (await admin.GetAsync("/api/me")).ReadJsonAsync();
        var created = await admin.PostAsJsonAsync($"/api/users/{me.Str("id")}/tokens", new { name = "database-down" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return withToken((await created.ReadJsonAsync()).Str("token"));
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Database unavailable", (await response.ReadJsonAsync()).Str("title"));
        Assert.True(response.Headers.RetryAfter is not null, "503 without Retry-After");
    }
}
