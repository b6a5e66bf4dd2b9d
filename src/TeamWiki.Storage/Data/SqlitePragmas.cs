using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TeamWiki.Storage.Data;

/// <summary>
/// Per-connection SQLite settings: with write-ahead logging (set once at start), <c>synchronous=NORMAL</c>
/// syncs at checkpoints instead of at every transaction, which is safe against a crashing process
/// (the same promise git's object store gives); a busy timeout lets a reader wait briefly for a writer.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";
        command.ExecuteNonQuery();
    }
}
