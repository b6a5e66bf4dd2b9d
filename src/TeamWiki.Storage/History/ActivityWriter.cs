using Microsoft.Data.Sqlite;
using TeamWiki.Storage.Changes;
using TeamWiki.Storage.Items;

namespace TeamWiki.Storage.History;

/// <summary>
/// Writes a commit's activity lines beside its rows in <c>changes</c>. The items are the change feed's
/// (classified once, by <see cref="ContentPaths"/>); a move becomes the old item deleted and the new one
/// created, and a space's settings are no line of activity.
/// </summary>
internal sealed class ActivityWriter : IDisposable
{
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _seq, _ord, _item, _kind, _action, _space, _path, _email, _at;

    public ActivityWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _insert = connection.CreateCommand();
        _insert.Transaction = transaction;
        _insert.CommandText = "INSERT INTO activity (seq, ord, item, item_kind, action, space, path, email, at_utc) VALUES ($seq, $ord, $item, $kind, $action, $space, $path, $email, $at)";
        _seq = _insert.Parameters.Add("$seq", SqliteType.Integer);
        _ord = _insert.Parameters.Add("$ord", SqliteType.Integer);
        _item = _insert.Parameters.Add("$item", SqliteType.Text);
        _kind = _insert.Parameters.Add("$kind", SqliteType.Integer);
        _action = _insert.Parameters.Add("$action", SqliteType.Integer);
        _space = _insert.Parameters.Add("$space", SqliteType.Text);
        _path = _insert.Parameters.Add("$path", SqliteType.Text);
        _email = _insert.Parameters.Add("$email", SqliteType.Text);
        _at = _insert.Parameters.Add("$at", SqliteType.Integer);
    }

    public void Add(long seq, CommitChanges commit)
    {
        _seq.Value = seq;
        _email.Value = commit.AuthorEmail.Trim().ToLowerInvariant();
        _at.Value = commit.When.UtcTicks;
        var ord = 0;
        foreach (var change in commit.Changes)
        {
            if (change.Kind == ChangeKind.Moved)
            {
                Line(ref ord, change.ItemBefore, ChangeKind.Deleted, change.PathBefore!);
                Line(ref ord, change.Item, ChangeKind.Added, change.PathAfter!);
            }
            else
            {
                Line(ref ord, change.Item, change.Kind, change.Path);
            }
        }
    }

    private void Line(ref int ord, ItemRef item, ChangeKind kind, string path)
    {
        if (item.Kind == ItemKind.Space)
        {
            return;
        }

        _ord.Value = ord++;
        _item.Value = item.ToString();
        _kind.Value = (long)item.Kind;
        _action.Value = (long)kind;
        _space.Value = ContentPaths.SpaceOf(path) ?? "";
        _path.Value = path;
        _insert.ExecuteNonQuery();
    }

    public void Dispose() => _insert.Dispose();
}
