using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace TeamWiki.Storage.History;

/// <summary>Telling what follows the index (the last-change cache) which files a catch-up touched.</summary>
public sealed partial class HistoryIndex
{
    /// <summary>
    /// The item files changed by the commits indexed after <paramref name="since"/> (by any process sharing
    /// the file); null when <paramref name="since"/> is not in the index (nothing indexed yet, or emptied).
    /// </summary>
    private static HashSet<string>? PathsSince(SqliteConnection connection, SqliteTransaction transaction, string? since)
    {
        if (since is null)
        {
            return null;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT seq FROM commits WHERE id = $id";
        command.Parameters.AddWithValue("$id", since);
        if (command.ExecuteScalar() is not long seq)
        {
            return null;
        }

        command.CommandText = "SELECT path, moved_from FROM changes WHERE seq > $seq";
        command.Parameters.AddWithValue("$seq", seq);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            paths.Add(reader.GetString(0));
            if (!reader.IsDBNull(1))
            {
                paths.Add(reader.GetString(1));
            }
        }

        return paths;
    }

    private void Announce(IReadOnlyCollection<string>? changed)
    {
        foreach (var listener in Advanced?.GetInvocationList() ?? [])
        {
            try
            {
                ((Action<IReadOnlyCollection<string>?>)listener)(changed);
            }
            catch (Exception ex)
            {
                // One failing listener must not keep the others (or the index) from moving on.
                _logger.LogError(ex, "A listener of the history index failed");
            }
        }
    }
}
