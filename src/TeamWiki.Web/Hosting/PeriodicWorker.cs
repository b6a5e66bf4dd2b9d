namespace TeamWiki.Web.Hosting;

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
