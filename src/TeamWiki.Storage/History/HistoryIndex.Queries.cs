using Microsoft.Data.Sqlite;
using TeamWiki.Storage.Changes;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Items;

namespace TeamWiki.Storage.History;

/// <summary>The reads of the history index; each is a few indexed lookups, whatever the length of the history.</summary>
public sealed partial class HistoryIndex
{
    private const string Columns = "c.id, c.parent, c.author, c.email, c.at_ticks, c.offset_minutes, c.message, x.item, x.kind, x.path, x.moved_from, x.blob, x.seq";

    /// <summary>
    /// The commits that changed the file at <paramref name="path"/>, newest first, following moves back to
    /// where the file was created, at <paramref name="revision"/> (default: the tip). Each carries the
    /// file's path in that commit. Empty when the file does not exist there.
    /// </summary>
    public IReadOnlyList<GitCommitInfo> FileHistory(string path, int max = 200, string? revision = null) =>
        Entries(path, max, revision).Select(e => e.Commit).ToList();

    /// <summary>As <see cref="FileHistory"/>, with what each commit did to the file.</summary>
    public IReadOnlyList<HistoryEntry> Entries(string path, int max = 200, string? revision = null)
    {
        using var connection = Open();
        if ((revision is not null && SeqOf(connection, revision) is not null) || TryEnsureCurrent())
        {
            return Entries(connection, path, max, revision);
        }

        return EntriesWhileBehind(connection, path, max, revision ?? _feed.Head!);
    }

    /// <summary>
    /// A file's history while the index is behind the branch: from git for the commits it has not indexed
    /// yet (walking back from <paramref name="revision"/> only until the first commit it holds), the rest from
    /// the index. The same answer as once it has caught up, without waiting for every other commit.
    /// </summary>
    private List<HistoryEntry> EntriesWhileBehind(SqliteConnection connection, string path, int max, string revision)
    {
        var walk = _git!.FileHistoryUntil(path, max, revision, id => SeqOf(connection, id) is not null);
        var result = new List<HistoryEntry>();
        foreach (var step in walk.Found)
        {
            if (ContentPaths.Classify(step.Path) is not { } item)
            {
                // The index holds items only; the same file's history there has no row for this either.
                continue;
            }

            var kind = step.Created ? ChangeKind.Added : step.MovedFrom is not null ? ChangeKind.Moved : ChangeKind.Modified;
            result.Add(new HistoryEntry(step.Commit, item, kind, step.Path, step.MovedFrom, step.BlobId));
        }

        if (walk.StoppedAt is { } indexed && result.Count < max)
        {
            result.AddRange(Entries(connection, walk.PathThere, max - result.Count, indexed));
        }

        return result;
    }

    private static List<HistoryEntry> Entries(SqliteConnection connection, string path, int max, string? revision)
    {
        var until = revision is null ? long.MaxValue : SeqOf(connection, revision) ?? throw new RevisionNotFoundException(revision);
        var result = new List<HistoryEntry>();
        var current = path;
        var throughDeletion = false;
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM changes x JOIN commits c ON c.seq = x.seq WHERE x.path = $path AND x.seq <= $until ORDER BY x.seq DESC LIMIT 1";
        var pathParameter = command.Parameters.Add("$path", SqliteType.Text);
        var untilParameter = command.Parameters.Add("$until", SqliteType.Integer);
        while (result.Count < max)
        {
            pathParameter.Value = current;
            untilParameter.Value = until;
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                break;
            }

            var (entry, seq) = Read(reader);
            if (entry.Kind == ChangeKind.Deleted && !throughDeletion)
            {
                // The file's earlier life ended here; what is asked about began after it (or never existed).
                break;
            }

            result.Add(entry);
            throughDeletion = false;
            if (entry.Kind == ChangeKind.Added)
            {
                if (!IsRestore(entry.Commit.Message))
                {
                    break;
                }

                // A restore brought the earlier life back: its history is this file's history.
                throughDeletion = true;
            }

            if (entry.Kind == ChangeKind.Moved)
            {
                current = entry.MovedFrom!;
            }

            until = seq - 1;
        }

        return result;
    }

    /// <summary>The last commit that changed each of <paramref name="paths"/> at the tip; files without one are absent.</summary>
    public IReadOnlyDictionary<string, GitCommitInfo> LastChanges(IReadOnlyCollection<string> paths)
    {
        EnsureCurrent();
        var found = new Dictionary<string, GitCommitInfo>(StringComparer.Ordinal);
        using var connection = Open();
        foreach (var path in paths.Distinct(StringComparer.Ordinal))
        {
            if (Entries(connection, path, 1, null).FirstOrDefault() is { } entry)
            {
                found[path] = entry.Commit;
            }
        }

        return found;
    }

    /// <summary>
    /// The latest item changes, newest first: in <paramref name="spaces"/> only when given, of
    /// <paramref name="kind"/> only when given, at most <paramref name="max"/>.
    /// </summary>
    public IReadOnlyList<HistoryEntry> Recent(int max, IReadOnlyCollection<string>? spaces = null, ItemKind? kind = null)
    {
        EnsureCurrent();
        if (spaces is { Count: 0 } || max <= 0)
        {
            return [];
        }

        using var connection = Open();
        using var command = connection.CreateCommand();
        var where = new List<string>();
        if (spaces is not null)
        {
            var names = spaces.Select((s, i) => (Name: "$s" + i, Space: s)).ToList();
            names.ForEach(n => command.Parameters.AddWithValue(n.Name, n.Space));
            where.Add($"x.space IN ({string.Join(", ", names.Select(n => n.Name))})");
        }

        if (kind is { } k)
        {
            where.Add("x.item LIKE $kind");
            command.Parameters.AddWithValue("$kind", k.Name() + ":%");
        }

        command.CommandText = $"SELECT {Columns} FROM changes x JOIN commits c ON c.seq = x.seq {(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where))} ORDER BY x.seq DESC, x.rowid LIMIT $max";
        command.Parameters.AddWithValue("$max", max);
        using var reader = command.ExecuteReader();
        var result = new List<HistoryEntry>();
        while (reader.Read())
        {
            result.Add(Read(reader).Entry);
        }

        return result;
    }

    private static long? SeqOf(SqliteConnection connection, string revision)
    {
        using var command = connection.CreateCommand();
        command.CommandText = revision.Length == 40 ? "SELECT seq FROM commits WHERE id = $id" : "SELECT seq FROM commits WHERE id >= $id AND id < $end LIMIT 2";
        command.Parameters.AddWithValue("$id", revision.ToLowerInvariant());
        command.Parameters.AddWithValue("$end", revision.ToLowerInvariant() + "g");
        using var reader = command.ExecuteReader();
        long? seq = reader.Read() ? reader.GetInt64(0) : null;
        // An abbreviation that names two commits names none.
        return reader.Read() ? null : seq;
    }

    private static (HistoryEntry Entry, long Seq) Read(SqliteDataReader r)
    {
        var when = new DateTimeOffset(r.GetInt64(4), TimeSpan.FromMinutes(r.GetInt64(5)));
        var path = r.GetString(9);
        var commit = new GitCommitInfo(r.GetString(0), r.GetString(2), r.GetString(3), when, r.GetString(6), r.IsDBNull(1) ? null : r.GetString(1), path);
        var entry = new HistoryEntry(commit, ItemRef.Parse(r.GetString(7)), (ChangeKind)r.GetInt64(8), path, r.IsDBNull(10) ? null : r.GetString(10), r.IsDBNull(11) ? null : r.GetString(11));
        return (entry, r.GetInt64(12));
    }
}
