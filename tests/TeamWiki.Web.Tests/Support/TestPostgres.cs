using Npgsql;

namespace TeamWiki.Web.Tests.Support;

/// <summary>
/// The PostgreSQL server that ./test.sh starts for the run and names in <c>TEAMWIKI_TEST_POSTGRES</c>.
/// Every test server gets a database of its own on it, dropped again afterwards, so tests stay independent.
/// </summary>
public static class TestPostgres
{
    /// <summary>The environment variable with the server's connection string.</summary>
    public const string Variable = "TEAMWIKI_TEST_POSTGRES";

    /// <summary>The server's connection string, or null.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>True under CI (<c>CI=true</c>), where the PostgreSQL tests must run and fail without a server, never skip.</summary>
    public static bool UnderCi => Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>Why PostgreSQL tests are skipped here (a developer's plain <c>dotnet test</c>), or null when they run.</summary>
    public static string? SkipReason => Server is null && !UnderCi
        ? $"{Variable} is not set: run ./test.sh, which starts a private PostgreSQL server for the tests"
        : null;

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    public static string CreateDatabase()
    {
        var server = Server ?? throw new InvalidOperationException(
            $"{Variable} is not set, so the PostgreSQL tests cannot run. They must run under CI: ./test.sh starts the server and sets it.");
        var name = "teamwiki_" + Guid.NewGuid().ToString("n");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing whatever still uses it.</summary>
    public static void DropDatabase(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>
/// A test that needs the PostgreSQL server of ./test.sh: skipped with a visible reason when a developer
/// runs <c>dotnet test</c> without one, run (and failing) under CI when the server is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (TestPostgres.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
