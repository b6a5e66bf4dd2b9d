using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TeamWiki.Storage.Git;

/// <summary>
/// Notices commits that arrive from outside (a <c>git push</c> into the repository, a commit made with
/// the git CLI) by looking at the branch once every <see cref="StorageOptions.PollInterval"/>. Reading one
/// ref file is cheaper and more dependable than file-system events on every platform.
/// </summary>
public sealed class ExternalCommitWatcher(GitContentRepository repository, IOptions<StorageOptions> options, ILogger<ExternalCommitWatcher> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                repository.Refresh();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Looking for outside commits failed; trying again");
            }
        }
    }
}
