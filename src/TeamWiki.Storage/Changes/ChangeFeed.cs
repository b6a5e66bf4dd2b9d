using TeamWiki.Storage.Git;

namespace TeamWiki.Storage.Changes;

/// <summary>
/// The change feed over the content repository. The repository tells it when the branch moved (own
/// commits as they are made, outside ones when <see cref="ExternalCommitWatcher"/> notices them), and it
/// tells its subscribers; what changed is read on demand, per commit, from the tree diff.
/// </summary>
public sealed class ChangeFeed : IChangeFeed
{
    private readonly IContentRepository _repository;
    private readonly Lock _gate = new();
    private List<Action<string>> _subscribers = [];

    /// <summary>Follows <paramref name="repository"/>.</summary>
    internal ChangeFeed(IContentRepository repository)
    {
        _repository = repository;
        _repository.HeadMoved += (_, e) =>
        {
            List<Exception>? errors = null;
            foreach (var subscriber in _subscribers)
            {
                try
                {
                    subscriber(e.NewHead);
                }
                catch (Exception ex)
                {
                    // One failing subscriber must not keep the others from hearing of the commit.
                    (errors ??= []).Add(ex);
                }
            }

            if (errors is not null)
            {
                throw new AggregateException("A change feed subscriber failed", errors);
            }
        };
    }

    /// <inheritdoc />
    public string? Head => _repository.Head;

    /// <inheritdoc />
    public IDisposable Subscribe(Action<string> moved)
    {
        ArgumentNullException.ThrowIfNull(moved);
        lock (_gate)
        {
            // Copy on write: publishing walks the list without a lock, on the committing thread.
            _subscribers = [.. _subscribers, moved];
        }

        return new Subscription(this, moved);
    }

    /// <inheritdoc />
    public bool Contains(string commit)
    {
        if (_repository.FindCommit(commit) is not null)
        {
            return true;
        }

        // Derived data shared with another process on the same data folder may already be past the
        // commits this process has noticed: look at the branch once before calling the position foreign.
        _repository.Refresh();
        return _repository.FindCommit(commit) is not null;
    }

    /// <inheritdoc />
    public IReadOnlyList<CommitChanges> After(string? position, int max) => _repository.ChangesAfter(position, Math.Max(1, max));

    private void Unsubscribe(Action<string> moved)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Where(s => s != moved).ToList();
        }
    }

    private sealed class Subscription(ChangeFeed feed, Action<string> moved) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(moved);
    }
}
