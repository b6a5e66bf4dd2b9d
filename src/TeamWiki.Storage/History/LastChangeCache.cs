using System.Collections.Concurrent;
using TeamWiki.Storage.Git;

namespace TeamWiki.Storage.History;

/// <summary>
/// The commit that last changed each file at the tip (a page view shows who changed it and when; a
/// task's edit form needs its revision), looked up in the <see cref="HistoryIndex"/>. An answer is kept
/// in memory, with the blob it was found for, until the index indexes a commit that touches the file:
/// the cache follows the change feed through the index (<see cref="HistoryIndex.Advanced"/>), own
/// commits and pushes alike, and nothing is compared on the committing thread. An answer is kept and
/// trusted only while the index is at the tip (the background indexer usually is); while it is behind, a
/// single file's answer comes from the index plus git for the commits not indexed yet, without waiting
/// for the rest. A generation count stops a lookup that raced with a commit from storing a stale answer.
/// One cache serves pages, tasks and documents.
/// </summary>
public sealed class LastChangeCache
{
    private readonly IContentRepository _repository;
    private readonly HistoryIndex _history;
    private readonly ConcurrentDictionary<string, (GitCommitInfo Change, string BlobId)> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _generation;

    /// <summary>
    /// Creates the cache and follows the history index; without <paramref name="history"/> it keeps a
    /// history index of its own in memory.
    /// </summary>
    public LastChangeCache(GitContentRepository repository, HistoryIndex? history = null)
    {
        _repository = repository;
        _history = history ?? new HistoryIndex(new Changes.ChangeFeed(repository), null, repository);
        _history.Advanced += Forget;
    }

    /// <summary>The history index the answers come from (page, task and document histories read it too).</summary>
    public HistoryIndex History => _history;

    /// <summary>The last change of <paramref name="file"/> at or before the commit it was read at.</summary>
    public GitCommitInfo? Of(GitFile file) => Of(file.Path, file.BlobId, file.CommitId);

    /// <summary>
    /// The last change of the file at <paramref name="path"/> holding <paramref name="blobId"/> at
    /// <paramref name="commit"/> (default: the tip); null when it never existed there.
    /// </summary>
    public GitCommitInfo? Of(string path, string blobId, string? commit = null)
    {
        // A page view does not wait for the index to catch up with every commit that arrived (a start
        // after many pushes): the history index answers the newer part from git. Answers are kept, and
        // kept ones trusted, only while the index is at the tip.
        var generation = Interlocked.Read(ref _generation);
        var head = _repository.Head;
        if (_history.IndexedHead == head && _entries.TryGetValue(path, out var cached) && cached.BlobId == blobId && (commit is null || commit == head))
        {
            return cached.Change;
        }

        var found = _history.FileHistory(path, 1, commit).FirstOrDefault();
        if (_history.IndexedHead == head)
        {
            Store(path, blobId, found, generation, commit ?? head);
        }

        return found;
    }

    /// <summary>The last change of a file at the tip, or null when it does not exist there.</summary>
    public GitCommitInfo? AtHead(string path) =>
        _repository.Head is { } head && _repository.BlobIdOf(path, head) is { } blob ? Of(path, blob, head) : null;

    /// <summary>
    /// The last changes of many files at the tip (path and blob id as listed at the tip): cached answers,
    /// and one walk of the history for the rest.
    /// </summary>
    public IReadOnlyDictionary<string, GitCommitInfo> Of(IReadOnlyCollection<GitEntry> files)
    {
        var generation = Current();
        var result = new Dictionary<string, GitCommitInfo>(StringComparer.Ordinal);
        var missing = new List<GitEntry>();
        foreach (var file in files)
        {
            if (_entries.TryGetValue(file.Path, out var cached) && cached.BlobId == file.BlobId)
            {
                result[file.Path] = cached.Change;
            }
            else
            {
                missing.Add(file);
            }
        }

        if (missing.Count == 0)
        {
            return result;
        }

        var head = _repository.Head;
        var found = _history.LastChanges(missing.Select(m => m.Path).ToList());
        foreach (var file in missing)
        {
            if (found.TryGetValue(file.Path, out var change))
            {
                result[file.Path] = change;
                Store(file.Path, file.BlobId, change, generation, head);
            }
        }

        return result;
    }

    private void Store(string path, string blobId, GitCommitInfo? change, long generation, string? commit)
    {
        lock (_gate)
        {
            if (change is not null && _generation == generation && commit is not null && commit == _repository.Head)
            {
                _entries[path] = (change, blobId);
            }
        }
    }

    /// <summary>
    /// Brings the index up to the tip when the branch moved since it last caught up (which drops the
    /// answers the new commits made stale), and returns the generation the answers now belong to.
    /// </summary>
    private long Current()
    {
        if (_history.IndexedHead != _repository.Head)
        {
            _history.CatchUp();
        }

        return Interlocked.Read(ref _generation);
    }

    private void Forget(IReadOnlyCollection<string>? changed)
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _generation);
            if (changed is null)
            {
                _entries.Clear();
                return;
            }

            foreach (var path in changed)
            {
                _entries.TryRemove(path, out _);
            }
        }
    }
}
