namespace TeamWiki.Web.Tests.Support;

/// <summary>The real app on PostgreSQL: a fresh database of its own on the test server, dropped at disposal.</summary>
public class PostgreSqlFactory : TeamWikiFactory
{
    public PostgreSqlFactory() : this(TestPostgres.CreateDatabase())
    {
    }

    /// <summary>The app on <paramref name="connectionString"/>, whose database this factory drops at disposal.</summary>
    protected PostgreSqlFactory(string connectionString, string? dataDirectory = null) : base(dataDirectory)
    {
        ConnectionString = connectionString;
    }

    /// <summary>The connection string of this server's database.</summary>
    public string ConnectionString { get; }

    /// <summary>The connection string the app is given (by default the database's own).</summary>
    protected virtual string AppConnectionString => ConnectionString;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["TeamWiki:Database:Provider"] = "PostgreSQL",
        ["TeamWiki:Database:ConnectionString"] = AppConnectionString,
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // Also reached from the finalizer of an instance whose constructor failed (no database made).
        if (disposing && ConnectionString is not null)
        {
            TestPostgres.DropDatabase(ConnectionString);
        }
    }
}

/// <summary>A fresh install (no administrator yet) on PostgreSQL.</summary>
public sealed class PostgreSqlFreshInstallFactory : PostgreSqlFactory
{
    protected override bool Bootstrap => false;
}

/// <summary>The app on PostgreSQL over a <see cref="TcpRelay"/>, so a test can take the database away.</summary>
public sealed class RelayedPostgreSqlFactory : PostgreSqlFactory
{
    public RelayedPostgreSqlFactory() : this(TestPostgres.CreateDatabase())
    {
    }

    private RelayedPostgreSqlFactory(string connectionString) : base(connectionString)
    {
        var target = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        Relay = new TcpRelay(target.Host!, target.Port);
    }

    /// <summary>The relay between the app and the server.</summary>
    public TcpRelay Relay { get; }

    protected override string AppConnectionString =>
        new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Host = "127.0.0.1", Port = Relay.Port }.ConnectionString;

    protected override void Dispose(bool disposing)
    {
        Relay?.Dispose();
        base.Dispose(disposing);
    }
}
