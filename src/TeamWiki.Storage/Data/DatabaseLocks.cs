using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace TeamWiki.Storage.Data;

/// <summary>
/// Transactions that hold a named lock until they end, for rules that read before they write ("a space
/// keeps an owner", "setup only while there is no administrator"). Two requests, or two processes on
/// one database, then run such a section one after the other, so neither acts on what it read before the
/// other's write. Hold the lock briefly: do slow work (password hashing, git) before taking it.
/// </summary>
public static class DatabaseLocks
{
    /// <summary>
    /// Begins a transaction that holds the lock <paramref name="name"/> until it is committed or disposed.
    /// SQLite has one writer at a time, so there the whole database is the lock (<c>BEGIN IMMEDIATE</c>);
    /// PostgreSQL takes a transaction-scoped advisory lock on the name.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginLockedAsync(this DatabaseFacade database, string name, CancellationToken ct = default)
    {
        if (database.IsSqlite())
        {
            await database.OpenConnectionAsync(ct);
            // A deferred transaction would take the write lock only at its first write, after the reads
            // the rule depends on; an immediate one waits (busy timeout) until it is the only writer.
            var sqlite = ((SqliteConnection)database.GetDbConnection()).BeginTransaction(deferred: false);
            return await database.UseTransactionAsync(sqlite, ct) ?? throw new InvalidOperationException("The SQLite transaction was not taken up");
        }

        var transaction = await database.BeginTransactionAsync(ct);
        var key = KeyOf(name);
        await database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
        return transaction;
    }

    /// <summary>A stable 64-bit key for a lock name (string.GetHashCode differs between processes).</summary>
    internal static long KeyOf(string name) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("teamwiki:" + name)), 0);
}
