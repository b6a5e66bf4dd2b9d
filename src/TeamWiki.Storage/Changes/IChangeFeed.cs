namespace TeamWiki.Storage.Changes;

/// <summary>
/// The typed stream of what happens to the wiki's content: for every commit on the branch, own saves and
/// outside pushes alike, in branch order, the items it added, modified, deleted or moved. A consumer
/// keeps the id of the last commit it handled with its own derived data (the search index, the activity
/// table, the history index) and reads on from there with <see cref="After"/>; after a restart it resumes
/// where it stopped, so it sees every commit once. <see cref="Subscribe"/> only says "there is more".
/// </summary>
public interface IChangeFeed
{
    /// <summary>The newest commit on the branch, or null while the repository is empty.</summary>
    string? Head { get; }

    /// <summary>
    /// Calls <paramref name="moved"/> with the new tip after every move of the branch (own commits at once,
    /// outside ones when they are noticed). Called on the writer's thread: do little there, and never
    /// throw. Dispose the result to stop.
    /// </summary>
    IDisposable Subscribe(Action<string> moved);

    /// <summary>
    /// True when <paramref name="commit"/> is a commit on the branch (a position a consumer can resume
    /// from); the branch is read again before the answer is no.
    /// </summary>
    bool Contains(string commit);

    /// <summary>
    /// The commits after <paramref name="position"/> (null: from the first commit) up to the tip, oldest
    /// first, at most <paramref name="max"/>, each with its changes.
    /// </summary>
    /// <exception cref="Git.RevisionNotFoundException"><paramref name="position"/> is not on the branch (see <see cref="Contains"/>).</exception>
    IReadOnlyList<CommitChanges> After(string? position, int max);
}
