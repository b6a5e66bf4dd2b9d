using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TeamWiki.Storage.Changes;

namespace TeamWiki.Storage.History;

/// <summary>
/// Keeps the <see cref="HistoryIndex"/> current in the background: at start (building it from git when
/// the file is missing or behind the branch) and after every commit, so a read seldom has to catch up
/// itself. Reads stay correct without it: each catches up first when the branch moved.
/// </summary>
public sealed class HistoryIndexer(HistoryIndex index, IChangeFeed feed, ILogger<HistoryIndexer> logger) : BackgroundService
{
    /// <summary>How long a round waits after a commit: the response to the save goes out before the CPU is spent here.</summary>
    private static readonly TimeSpan AfterTheResponse = TimeSpan.FromMilliseconds(50);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // One pending signal at most: commits that arrive during a round are caught up by the next.
        var signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var subscription = feed.Subscribe(_ => signal.Writer.TryWrite(true));
        await Task.Yield();
        signal.Writer.TryWrite(true);
        while (await signal.Reader.WaitToReadAsync(stoppingToken))
        {
            // Let the request that made the commit be answered first; a read that comes sooner catches up itself.
            await Task.Delay(AfterTheResponse, stoppingToken);
            signal.Reader.TryRead(out _);
            try
            {
                var behind = index.IndexedHead is null && feed.Head is not null;
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var count = index.CatchUp();
                if (behind)
                {
                    logger.LogInformation("History index built from git: {Count} commits in {Seconds:0.0} s", count, watch.Elapsed.TotalSeconds);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Updating the history index failed; trying again at the next commit");
            }
        }
    }
}
