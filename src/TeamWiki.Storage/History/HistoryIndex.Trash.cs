using Microsoft.Data.Sqlite;
using TeamWiki.Storage.Changes;
using TeamWiki.Storage.Items;

namespace TeamWiki.Storage.History;

/// <summary>
/// The trash, read from the index: a deleted item is a <see cref="ChangeKind.Deleted"/> row that is
/// still the newest row of its path. Nothing is stored for it, so the trash is rebuilt from git with
/// the rest of the index.
/// </summary>
public sealed partial class HistoryIndex
{
    /// <summary>
    /// The commit trailer that marks a file put back from an earlier life (a restore): the history of the
    /// path then goes on through the deletion into that earlier life instead of starting at the restore.
    /// </summary>
    public const string RestoredFromTrailer = "Restored-From:";

    /// <summary>
    /// Items of <paramref name="kind"/> deleted in <paramref name="space"/> and not back since (nothing
    /// has been written at their path after the deletion), newest deletion first, one per path.
    /// </summary>
    public IReadOnlyList<HistoryEntry> Deleted(string space, ItemKind kind, int max = 200)
    {
        EnsureCurrent();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM changes x JOIN commits c ON c.seq = x.seq WHERE x.space = $space AND x.kind = $deleted AND x.item LIKE $kind ORDER BY x.seq DESC";
        command.Parameters.AddWithValue("$space", space);
        command.Parameters.AddWithValue("$deleted", (long)ChangeKind.Deleted);
        command.Parameters.AddWithValue("$kind", kind.Name() + ":%");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<HistoryEntry>();
        using var reader = command.ExecuteReader();
        while (result.Count < max && reader.Read())
        {
            var (entry, seq) = Read(reader);
            if (seen.Add(entry.Path) && NewestSeqAt(connection, entry.Path) == seq)
            {
                result.Add(entry);
            }
        }

        return result;
    }

    /// <summary>The deletion of the file at <paramref name="path"/> when that is the newest thing that happened there; else null.</summary>
    public HistoryEntry? LastDeletion(string path)
    {
        EnsureCurrent();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM changes x JOIN commits c ON c.seq = x.seq WHERE x.path = $path ORDER BY x.seq DESC LIMIT 1";
        command.Parameters.AddWithValue("$path", path);
        using var reader = command.ExecuteReader();
        return reader.Read() && Read(reader).Entry is { Kind: ChangeKind.Deleted } entry ? entry : null;
    }

    private static long? NewestSeqAt(SqliteConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(seq) FROM changes WHERE path = $path";
        command.Parameters.AddWithValue("$path", path);
        return command.ExecuteScalar() is long seq ? seq : null;
    }

    /// <summary>True when the commit message carries <see cref="RestoredFromTrailer"/>.</summary>
    private static bool IsRestore(string message) =>
        message.Split('\n').Any(line => line.StartsWith(RestoredFromTrailer, StringComparison.OrdinalIgnoreCase));
}
