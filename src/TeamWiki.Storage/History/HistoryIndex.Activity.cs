using Microsoft.Data.Sqlite;
using TeamWiki.Storage.Changes;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Items;

namespace TeamWiki.Storage.History;

/// <summary>The content activity: the history index's rows as lines of the activity feeds.</summary>
public sealed partial class HistoryIndex
{
    private const string LineColumns = "c.id, c.parent, c.author, c.email, c.at_ticks, c.offset_minutes, c.message, a.item, a.action, a.space, a.path, a.seq";
    private const string FeedOrder = "ORDER BY a.at_utc DESC, a.seq DESC, a.ord DESC";

    /// <summary>
    /// The newest lines of the content activity that match <paramref name="filter"/>, at most
    /// <paramref name="max"/>: by author date, newest first, then later in the branch first, then later in
    /// the commit first. Each space is read along its own index and the spaces' lines are merged, so the
    /// cost is that of the lines returned (times the spaces asked for), not of the history.
    /// </summary>
    public IReadOnlyList<ActivityLine> Activity(ActivityFilter filter, int max)
    {
        ArgumentNullException.ThrowIfNull(filter);
        EnsureCurrent();
        if (max <= 0 || filter.Spaces is { Count: 0 } || filter.Items is { Count: 0 })
        {
            return [];
        }

        using var connection = Open();
        if (filter.Spaces is { Count: > 1 } spaces && filter.Items is null)
        {
            using var perSpace = LineCommand(connection, filter with { Spaces = ["?"] }, max);
            var lines = new List<(ActivityLine Line, long At, int Ord)>();
            foreach (var space in spaces.Distinct(StringComparer.Ordinal))
            {
                perSpace.Parameters["$s0"].Value = space;
                lines.AddRange(ReadLines(perSpace));
            }

            return lines.OrderByDescending(l => l.At).ThenByDescending(l => l.Line.Sequence).ThenByDescending(l => l.Ord)
                .Take(max).Select(l => l.Line).ToList();
        }

        using var command = LineCommand(connection, filter, max);
        return ReadLines(command).Select(l => l.Line).ToList();
    }

    /// <summary>The query plan SQLite chooses for a filter (tests prove that every filter the feeds use walks an index).</summary>
    internal IReadOnlyList<string> PlanOf(ActivityFilter filter)
    {
        using var connection = Open();
        using var command = LineCommand(connection, filter is { Spaces.Count: > 1, Items: null } ? filter with { Spaces = ["?"] } : filter, 10);
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }

    private static SqliteCommand LineCommand(SqliteConnection connection, ActivityFilter filter, int max)
    {
        var command = connection.CreateCommand();
        var where = new List<string>();
        if (filter.Spaces is { } spaces)
        {
            var names = spaces.Distinct(StringComparer.Ordinal).Select((s, i) => (Name: "$s" + i, Space: s)).ToList();
            names.ForEach(n => command.Parameters.AddWithValue(n.Name, n.Space));
            where.Add(names.Count == 1 ? "a.space = $s0" : $"a.space IN ({string.Join(", ", names.Select(n => n.Name))})");
        }

        if (filter.Items is { } items)
        {
            var names = items.Select(i => i.ToString()).Distinct(StringComparer.Ordinal).Select((item, i) => (Name: "$i" + i, Item: item)).ToList();
            names.ForEach(n => command.Parameters.AddWithValue(n.Name, n.Item));
            where.Add($"a.item IN ({string.Join(", ", names.Select(n => n.Name))})");
        }

        if (filter.Kind is { } kind)
        {
            where.Add("a.item_kind = $kind");
            command.Parameters.AddWithValue("$kind", (long)kind);
        }

        if (filter.AuthorEmail is { } email)
        {
            where.Add("a.email = $email");
            command.Parameters.AddWithValue("$email", email.Trim().ToLowerInvariant());
        }

        if (filter.Since is { } since)
        {
            where.Add("a.at_utc >= $since");
            command.Parameters.AddWithValue("$since", since.UtcTicks);
        }

        command.CommandText = $"SELECT {LineColumns}, a.at_utc, a.ord FROM activity a JOIN commits c ON c.seq = a.seq"
            + (where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where)) + $" {FeedOrder} LIMIT $max";
        command.Parameters.AddWithValue("$max", max);
        return command;
    }

    private static List<(ActivityLine Line, long At, int Ord)> ReadLines(SqliteCommand command)
    {
        var lines = new List<(ActivityLine, long, int)>();
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            var when = new DateTimeOffset(r.GetInt64(4), TimeSpan.FromMinutes(r.GetInt64(5)));
            var path = r.GetString(10);
            var commit = new GitCommitInfo(r.GetString(0), r.GetString(2), r.GetString(3), when, r.GetString(6), r.IsDBNull(1) ? null : r.GetString(1), path);
            var line = new ActivityLine(ItemRef.Parse(r.GetString(7)), (ChangeKind)r.GetInt64(8), r.GetString(9), path, commit, r.GetInt64(11));
            lines.Add((line, r.GetInt64(12), r.GetInt32(13)));
        }

        return lines;
    }
}
