namespace TeamWiki.Web.Search.Indexing;

/// <summary>
/// How the indexer is doing, for <c>/health</c>: whether its last round failed, since when the index has
/// been behind the branch, and the last document whose text was cut off or could not be read. Written by
/// the <see cref="IndexFeeder"/>, read by the health check; thread-safe.
/// </summary>
public sealed class IndexerStatus(TimeProvider time)
{
    private readonly Lock _gate = new();
    private string? _lastError;
    private DateTimeOffset? _failingSince;
    private DateTimeOffset? _lastSuccess;
    private DateTimeOffset? _behindSince;
    private string? _lastLimited;
    private long _limitedDocuments;
    private long _failedDocuments;

    /// <summary>How long the index may lag behind the branch before health reports it (default 2 minutes).</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Records that the index does not match the branch (yet): a round starts.</summary>
    public void Behind()
    {
        lock (_gate)
        {
            _behindSince ??= time.GetUtcNow();
        }
    }

    /// <summary>Records a round that brought the index up to date.</summary>
    public void Succeeded()
    {
        lock (_gate)
        {
            _lastError = null;
            _failingSince = null;
            _behindSince = null;
            _lastSuccess = time.GetUtcNow();
        }
    }

    /// <summary>Records a round that failed (the feeder retries at the next commit).</summary>
    public void Failed(Exception error)
    {
        lock (_gate)
        {
            _lastError = $"{error.GetType().Name}: {error.Message}";
            _failingSince ??= time.GetUtcNow();
        }
    }

    /// <summary>Records a document indexed with part of its text, or by its name only.</summary>
    public void DocumentLimited(string id, string reason, bool failed)
    {
        lock (_gate)
        {
            _lastLimited = $"{id}: {reason}";
            if (failed)
            {
                _failedDocuments++;
            }
            else
            {
                _limitedDocuments++;
            }
        }
    }

    /// <summary>
    /// The indexer's state: "failing" when its last round failed, "behind" when the index has not matched
    /// the branch for longer than <see cref="Grace"/>, else "ok"; with details for the operator.
    /// </summary>
    public (string State, IndexerDetails Details) Evaluate(bool upToDate)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            // Also noticed here, so an indexer that never even starts a round is reported too.
            _behindSince = upToDate ? null : _behindSince ?? now;
            var state = _lastError is not null ? "failing"
                : _behindSince is { } since && now - since > Grace ? "behind"
                : "ok";
            return (state, new IndexerDetails(state, _lastError, _failingSince, _behindSince, _lastSuccess, _limitedDocuments, _failedDocuments, _lastLimited));
        }
    }
}

/// <summary>The indexer's part of the health report.</summary>
public sealed record IndexerDetails(
    string State,
    string? LastError,
    DateTimeOffset? FailingSince,
    DateTimeOffset? BehindSince,
    DateTimeOffset? LastCaughtUp,
    long DocumentsCutOff,
    long DocumentsUnreadable,
    string? LastCutOff);
