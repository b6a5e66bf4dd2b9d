using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TeamWiki.Storage.Changes;

namespace TeamWiki.Storage.History;

/// <summary>
/// Who changed which item when, indexed from the change feed, so page history, "last changed by", recent
/// changes, task history and document versions are a lookup instead of a walk through every commit. It
/// is derived data in its own SQLite file (the database may be PostgreSQL; this stays beside the
/// repository): it records the last commit it indexed and, before each read, catches up with the branch;
/// when the file is missing, of another schema, or names a commit that is no longer on the branch, it is
/// built again from git. Several processes on one data folder share the file; a write transaction
/// re-reads the position, so a batch is never indexed twice.
/// </summary>
public sealed partial class HistoryIndex : IDisposable
{
    private const string SchemaVersion = "1";
    private const int Batch = 1000;

    /// <summary>How many commits a read indexes itself before it answers from git instead (a save just made: one).</summary>
    private const int ReadCatchUp = 50;

    private readonly IChangeFeed _feed;
    private readonly Git.IContentRepository? _git;
    private readonly string _connectionString;
    private readonly SqliteConnection? _keepAlive;
    private readonly ILogger _logger;
    private readonly Lock _writeLock = new();
    private volatile string? _indexed;

    /// <summary>
    /// Opens (or creates) the index in <paramref name="file"/>; null keeps it in memory for this process
    /// only (tests, tools). Nothing is read from git until the first read or <see cref="CatchUp"/>.
    /// </summary>
    public HistoryIndex(IChangeFeed feed, string? file, ILogger<HistoryIndex>? logger = null)
        : this(feed, file, null, logger)
    {
    }

    /// <summary>
    /// As the public constructor; with <paramref name="git"/>, a file's history asked for while the index is
    /// behind the branch (a start after many pushes, a rebuild) is read from git for the commits not
    /// indexed yet, instead of waiting until the index has caught up with all of them.
    /// </summary>
    internal HistoryIndex(IChangeFeed feed, string? file, Git.IContentRepository? git, ILogger<HistoryIndex>? logger = null)
    {
        _feed = feed;
        _git = git;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        if (file is null)
        {
            _connectionString = $"Data Source=file:history-{Guid.NewGuid():n}?mode=memory&cache=shared";
            // An in-memory database lives as long as one connection to it is open.
            _keepAlive = new SqliteConnection(_connectionString);
            _keepAlive.Open();
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            _connectionString = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 30, Pooling = true }.ToString();
        }

        Prepare();
    }

    /// <summary>The last commit indexed, or null when the index is empty.</summary>
    public string? IndexedHead => _indexed;

    /// <summary>Indexes the commits that arrived since the last one indexed (all of them when empty or no longer on the branch).</summary>
    /// <returns>How many commits were indexed.</returns>
    public int CatchUp()
    {
        int total;
        lock (_writeLock)
        {
            total = CatchUpLocked(int.MaxValue);
        }

        if (total > Batch)
        {
            _logger.LogInformation("History index: {Count} commits indexed up to {Head}", total, _indexed?[..7]);
        }

        return total;
    }

    /// <summary>Indexes up to about <paramref name="most"/> commits (a batch ends where resuming is safe); the write lock is held.</summary>
    private int CatchUpLocked(int most)
    {
        var total = 0;
        while (total < most && _feed.Head is { } head && head != _indexed)
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction(deferred: false);
            // Another process may have indexed meanwhile: its position counts.
            var position = ReadMeta(connection, transaction, "head");
            if (position is not null && !_feed.Contains(position))
            {
                _logger.LogWarning("The history index names commit {Commit}, which is not on the branch: rebuilding it from git", position[..Math.Min(7, position.Length)]);
                Execute(connection, transaction, "DELETE FROM changes; DELETE FROM commits; DELETE FROM meta WHERE key = 'head';");
                position = null;
            }

            var commits = position == head ? [] : _feed.After(position, Math.Min(Batch, most - total));
            Insert(connection, transaction, commits);
            position = commits.Count > 0 ? commits[^1].Commit : position;
            WriteMeta(connection, transaction, "head", position);
            transaction.Commit();
            _indexed = position;
            total += commits.Count;
            if (commits.Count == 0)
            {
                break;
            }
        }

        return total;
    }

    /// <summary>Empties the index and builds it again from git.</summary>
    public int Rebuild()
    {
        lock (_writeLock)
        {
            using var connection = Open();
            Execute(connection, null, "DELETE FROM changes; DELETE FROM commits; DELETE FROM meta WHERE key = 'head';");
            _indexed = null;
        }

        return CatchUp();
    }

    /// <summary>Catches up when the branch moved since the last read; every read starts here.</summary>
    private void EnsureCurrent()
    {
        if (_feed.Head != _indexed)
        {
            CatchUp();
        }
    }

    /// <summary>
    /// Catches up when the branch moved since the last read, but only as far as a read may wait: a few
    /// commits, and none while another thread is catching up (a start after many pushes). False when the
    /// index is still behind: the reader answers the newer part from git.
    /// </summary>
    private bool TryEnsureCurrent()
    {
        if (_feed.Head == _indexed)
        {
            return true;
        }

        if (_git is null)
        {
            CatchUp();
            return true;
        }

        if (!_writeLock.TryEnter())
        {
            return false;
        }

        try
        {
            CatchUpLocked(ReadCatchUp);
        }
        finally
        {
            _writeLock.Exit();
        }

        return _feed.Head == _indexed;
    }

    private void Prepare()
    {
        using var connection = Open();
        Execute(connection, null, "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);");
        if (ReadMeta(connection, null, "schema") != SchemaVersion)
        {
            Execute(connection, null, """
                DROP TABLE IF EXISTS changes; DROP TABLE IF EXISTS commits; DELETE FROM meta;
                CREATE TABLE commits (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, parent TEXT, author TEXT NOT NULL,
                    email TEXT NOT NULL, at_ticks INTEGER NOT NULL, offset_minutes INTEGER NOT NULL, message TEXT NOT NULL);
                CREATE TABLE changes (seq INTEGER NOT NULL, item TEXT NOT NULL, kind INTEGER NOT NULL, path TEXT NOT NULL,
                    moved_from TEXT, blob TEXT, space TEXT NOT NULL);
                CREATE INDEX ix_changes_path ON changes (path, seq);
                CREATE INDEX ix_changes_space ON changes (space, seq);
                CREATE INDEX ix_changes_seq ON changes (seq);
                """);
            WriteMeta(connection, null, "schema", SchemaVersion);
        }

        _indexed = ReadMeta(connection, null, "head");
    }

    private static void Insert(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<CommitChanges> commits)
    {
        using var commit = connection.CreateCommand();
        commit.Transaction = transaction;
        commit.CommandText = "INSERT INTO commits (id, parent, author, email, at_ticks, offset_minutes, message) VALUES ($id, $parent, $author, $email, $ticks, $offset, $message) RETURNING seq";
        var id = commit.Parameters.Add("$id", SqliteType.Text);
        var parent = commit.Parameters.Add("$parent", SqliteType.Text);
        var author = commit.Parameters.Add("$author", SqliteType.Text);
        var email = commit.Parameters.Add("$email", SqliteType.Text);
        var ticks = commit.Parameters.Add("$ticks", SqliteType.Integer);
        var offset = commit.Parameters.Add("$offset", SqliteType.Integer);
        var message = commit.Parameters.Add("$message", SqliteType.Text);
        using var change = connection.CreateCommand();
        change.Transaction = transaction;
        change.CommandText = "INSERT INTO changes (seq, item, kind, path, moved_from, blob, space) VALUES ($seq, $item, $kind, $path, $from, $blob, $space)";
        var seq = change.Parameters.Add("$seq", SqliteType.Integer);
        var item = change.Parameters.Add("$item", SqliteType.Text);
        var kind = change.Parameters.Add("$kind", SqliteType.Integer);
        var path = change.Parameters.Add("$path", SqliteType.Text);
        var from = change.Parameters.Add("$from", SqliteType.Text);
        var blob = change.Parameters.Add("$blob", SqliteType.Text);
        var space = change.Parameters.Add("$space", SqliteType.Text);
        foreach (var c in commits)
        {
            id.Value = c.Commit;
            parent.Value = (object?)c.Parent ?? DBNull.Value;
            author.Value = c.Author;
            email.Value = c.AuthorEmail;
            ticks.Value = c.When.Ticks;
            offset.Value = (long)c.When.Offset.TotalMinutes;
            message.Value = c.Message;
            seq.Value = (long)commit.ExecuteScalar()!;
            foreach (var x in c.Changes)
            {
                item.Value = x.Item.ToString();
                kind.Value = (long)x.Kind;
                path.Value = x.Path;
                from.Value = x.Kind == ChangeKind.Moved ? x.PathBefore : DBNull.Value;
                blob.Value = (object?)x.BlobAfter ?? DBNull.Value;
                space.Value = x.Space;
                change.ExecuteNonQuery();
            }
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? ReadMeta(SqliteConnection connection, SqliteTransaction? transaction, string key)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    private static void WriteMeta(SqliteConnection connection, SqliteTransaction? transaction, string key, string? value)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = value is null ? "DELETE FROM meta WHERE key = $key" : "INSERT INTO meta (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = $value";
        command.Parameters.AddWithValue("$key", key);
        if (value is not null)
        {
            command.Parameters.AddWithValue("$value", value);
        }

        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public void Dispose() => _keepAlive?.Dispose();
}
