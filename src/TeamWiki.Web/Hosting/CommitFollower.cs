using System.Threading.Channels;
using TeamWiki.Storage.Git;

namespace TeamWiki.Web.Hosting;

/// <summary>
/// A background worker that catches up with the branch at start and after every commit (own or pushed).
/// Commits that arrive while it works are folded into one more round; a failed round is logged and
/// retried at the next commit.
/// </summary>
public abstract class CommitFollower(IContentRepository repository, ILogger logger) : BackgroundService
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>The repository followed.</summary>
    protected IContentRepository Repository { get; } = repository;

    /// <summary>What the worker does, for the log ("Indexing").</summary>
    protected abstract string Work { get; }

    /// <summary>Brings the worker's derived data up to the tip of the branch.</summary>
    protected abstract Task FollowAsync(CancellationToken ct);

    /// <summary>
    /// How long to wait after a commit before a round, so that a burst of commits is handled in one
    /// (default none).
    /// </summary>
    protected virtual TimeSpan Debounce => TimeSpan.Zero;

    /// <summary>Called after each successful round.</summary>
    protected virtual void OnCaughtUp()
    {
    }

    /// <summary>Called after a round failed (it is retried at the next commit).</summary>
    protected virtual void OnFailed(Exception error)
    {
    }

    /// <inheritdoc />
    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Repository.HeadMoved += (_, _) => _signal.Writer.TryWrite(true);
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
                await FollowAsync(stoppingToken);
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

/// <summary>A background worker that runs at start and then at a fixed interval; failures are logged and retried next time.</summary>
public abstract class PeriodicWorker(TimeSpan interval, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>The clock.</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>What the worker does, for the log.</summary>
    protected abstract string Work { get; }

    /// <summary>One round.</summary>
    protected abstract Task RunOnceAsync(CancellationToken ct);

    /// <inheritdoc />
    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, Time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "{Work} failed; trying again later", Work);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
