using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace TeamWiki.Storage.Data;

/// <summary>
/// Recognises the two database failures the wiki answers on purpose, for both providers in one place:
/// a row that a unique index already holds (a double click, a second writer: the caller reads back and
/// treats the work as done), and a database that cannot be reached (the web app answers 503).
/// </summary>
public static class DatabaseErrors
{
    // SQLite: SQLITE_CONSTRAINT (19) with the extended codes for UNIQUE (2067) and PRIMARY KEY (1555).
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    // SQLite result codes that mean the file cannot be used at all, whatever the statement.
    private static readonly HashSet<int> SqliteUnavailable =
    [
        5,  // SQLITE_BUSY: another process holds the lock beyond the busy timeout
        10, // SQLITE_IOERR
        11, // SQLITE_CORRUPT
        13, // SQLITE_FULL
        14, // SQLITE_CANTOPEN
        26, // SQLITE_NOTADB
    ];

    /// <summary>True when <paramref name="exception"/> (or one it wraps) says a unique index or primary key already holds the row.</summary>
    public static bool IsUniqueViolation(Exception exception) =>
        Causes(exception).Any(e => e switch
        {
            SqliteException s => s.SqliteErrorCode == SqliteConstraint
                && s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
            PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
            _ => false,
        });

    /// <summary>
    /// True when <paramref name="exception"/> (or one it wraps) says the database cannot be reached or used
    /// right now: a server that is down or refuses connections, a database that is gone, a SQLite file that
    /// cannot be opened. A bad statement or a violated constraint is not "unavailable".
    /// </summary>
    public static bool IsUnavailable(Exception exception) =>
        Causes(exception).Any(e => e switch
        {
            SqliteException s => SqliteUnavailable.Contains(s.SqliteErrorCode),
            PostgresException p => IsUnavailableState(p.SqlState),
            // Without a server answer: the socket was refused, reset or timed out.
            NpgsqlException n => n.IsTransient || n.InnerException is SocketException or IOException or TimeoutException,
            _ => false,
        });

    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal)      // connection exception
        || state.StartsWith("53", StringComparison.Ordinal)   // insufficient resources (too many connections, disk full)
        || state.StartsWith("57P", StringComparison.Ordinal)  // the server is shutting down or starting up
        || state == PostgresErrorCodes.InvalidCatalogName;    // the database does not exist (any more)

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Causes))
                {
                    yield return inner;
                }
            }
        }
    }
}
