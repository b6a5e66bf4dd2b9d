using System.Threading.Channels;
using TeamWiki.Storage.Changes;

namespace TeamWiki.Web.Hosting;

/// <summary>
/// A consumer of the change feed that keeps derived data (the search index, the notifier's position) in
/// step with git. It keeps the last commit it handled together with that data, reads on from there at
/// start and after every commit (own or pushed), and hands the commits over in batches, in branch order,
/// each once: a batch is stored with its new position in one step, so a restart resumes after the last
/// stored batch. Commits that arrive while it works are folded into one more round; a failed round is
/// logged and retried at the next commit.
/// </summary>
public abstract class ChangeFollower(IChangeFeed feed, ILogger logger) : BackgroundService
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The feed followed.</summary>
    protected IChangeFeed Feed { get; } = feed;

    /// <summary>What the worker does, for the log ("Indexing").</summary>
    protected abstract string Work { get; }

    /// <summary>Commits per batch.</summary>
    protected virtual int BatchSize => 500;

    /// <summary>
    /// How long to wait after a commit before a round (default <see cref="AfterTheResponse"/>), so that a
    /// burst of commits is handled in one.
    /// </summary>
    protected virtual TimeSpan Debounce => AfterTheResponse;

    /// <summary>
    /// The default wait: the request that made the commit is answered first. A round started at once
    /// (reading the change, indexing, writing its position) took the CPU from that response on a
    /// two-core machine and made a save over HTTP several times slower than the commit itself.
    /// </summary>
    public static readonly TimeSpan AfterTheResponse = TimeSpan.FromMilliseconds(50);

    /// <summary>The last commit handled, as stored with the derived data; null when nothing was handled yet.</summary>
    protected abstract Task<string?> PositionAsync(CancellationToken ct);

    /// <summary>
    /// Handles a batch of commits and stores <paramref name="position"/> (the last of them) with the derived
    /// data in the same step. <paramref name="first"/> is true for the batches of the very first run.
    /// </summary>
    protected abstract Task HandleAsync(IReadOnlyList<CommitChanges> commits, string position, bool first, CancellationToken ct);

    /// <summary>
    /// Nothing was handled yet, the stored position is not on the branch any more (history rewritten
    /// outside the wiki), or the derived data asks for it: start over. Returns the new position (default:
    /// null, replay every commit from the first).
    /// </summary>
    protected virtual Task<string?> StartOverAsync(string head, CancellationToken ct) => Task.FromResult<string?>(null);

    /// <summary>True when the derived data must be built again from scratch although its position is known.</summary>
    protected virtual bool NeedsStartOver => false;

    /// <summary>Called after each successful round.</summary>
    protected virtual void OnCaughtUp()
    {
    }

    /// <summary>Called after a round failed (it is retried at the next commit).</summary>
    protected virtual void OnFailed(Exception error)
    {
    }

    /// <summary>Brings the derived data up to the tip of the branch (also called directly by tests and at start).</summary>
    public async Task CatchUpAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var head = Feed.Head;
            if (head is null)
            {
                return;
            }

            var position = await PositionAsync(ct);
            if (position is null || NeedsStartOver || !Feed.Contains(position))
            {
                position = await StartOverAsync(head, ct);
            }

            var first = position is null;

            while (position != head && Feed.After(position, BatchSize) is { Count: > 0 } batch)
            {
                position = batch[^1].Commit;
                await HandleAsync(batch, position, first, ct);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = Feed.Subscribe(_ => _signal.Writer.TryWrite(true));
        await Task.Yield();
        _signal.Writer.TryWrite(true);
        while (await _signal.Reader.WaitToReadAsync(stoppingToken))
        {
            if (Debounce > TimeSpan.Zero)
            {
                await Task.Delay(Debounce, stoppingToken);
            }

            _signal.Reader.TryRead(out _);
            try
            {
                await CatchUpAsync(stoppingToken);
                OnCaughtUp();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Work} failed; retrying at the next commit", Work);
                OnFailed(ex);
            }
        }
    }
}
