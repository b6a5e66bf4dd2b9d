using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TeamWiki.Storage.Data;

/// <summary>
/// Per-connection SQLite settings: with write-ahead logging (set once at start), <c>synchronous=NORMAL</c>
/// syncs at checkpoints instead of at every transaction, which is safe against a crashing process
/// (the same promise git's object store gives); a busy timeout lets a reader wait briefly for a writer.
/// Both belong to the SQLite connection itself, which the connection pool keeps open between uses: they
/// are set once per real connection, not on every open (that was a statement per request).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<object, object> Applied = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && Applied.TryGetValue(handle, out _))
        {
            return;
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";
            command.ExecuteNonQuery();
        }

        if (handle is not null)
        {
            Applied.AddOrUpdate(handle, handle);
        }
    }
}
