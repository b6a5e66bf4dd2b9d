using System.Collections.Concurrent;
using TeamWiki.Storage.Changes;

namespace TeamWiki.Storage.Git;

/// <summary>
/// What the last commits changed, read once per commit however many consumers of the change feed ask.
/// The search indexer, the history index and the change notifier each read every new commit shortly
/// after it is made; in a folder of 10,000 pages each of those reads was a tree diff over every entry
/// of the folder. A commit's changes follow from its id alone, so an entry never goes stale; the memo
/// keeps the most recent <see cref="Capacity"/> commits. Consumers asking at the same moment wait for
/// the one read under way instead of diffing again.
/// </summary>
internal sealed class CommitChangesMemo
{
    /// <summary>How many commits are kept: enough for the consumers of a burst of saves to share them.</summary>
    public const int Capacity = 256;

    private readonly ConcurrentDictionary<string, Lazy<CommitChanges>> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>The changes of <paramref name="commit"/>, read with <paramref name="read"/> only if no one did yet.</summary>
    public CommitChanges Get(string commit, Func<CommitChanges> read)
    {
        if (!_entries.TryGetValue(commit, out var entry))
        {
            var fresh = new Lazy<CommitChanges>(read, LazyThreadSafetyMode.ExecutionAndPublication);
            entry = _entries.GetOrAdd(commit, fresh);
            if (ReferenceEquals(entry, fresh))
            {
                Remember(commit);
            }
        }

        try
        {
            return entry.Value;
        }
        catch
        {
            // A failed read (a missing object, a closed repository) is not kept: the next caller reads again.
            _entries.TryRemove(new KeyValuePair<string, Lazy<CommitChanges>>(commit, entry));
            throw;
        }
    }

    private void Remember(string commit)
    {
        _order.Enqueue(commit);
        while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _entries.TryRemove(oldest, out _);
        }
    }
}
