namespace TeamWiki.Storage.Caching;

/// <summary>
/// Writes a kept file (a full rewrite) once for a burst of changes: the first <see cref="Schedule"/> starts a
/// delay and the ones that come before it ends join it. <see cref="Dispose"/> cancels a save still waiting and
/// waits for one under way, so nothing is written into the data folder after the host has stopped (a removed
/// folder would otherwise get a file back while it is being deleted).
/// </summary>
public sealed class DelayedSave : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    // Held while a save runs: Dispose waits on it, so an older save still writing (after a newer one was
    // scheduled) is waited for too, and no save starts once stopping.
    private readonly Lock _saving = new();
    private int _scheduled;
    private Task _pending = Task.CompletedTask;

    /// <summary>Runs <paramref name="save"/> after <paramref name="delay"/>, unless a save is already waiting.</summary>
    public void Schedule(TimeSpan delay, Action save)
    {
        if (_stopping.IsCancellationRequested || Interlocked.Exchange(ref _scheduled, 1) == 1)
        {
            return;
        }

        var stopping = _stopping.Token;
        _pending = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(delay, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Volatile.Write(ref _scheduled, 0);
            lock (_saving)
            {
                if (!stopping.IsCancellationRequested)
                {
                    save();
                }
            }
        });
    }

    /// <summary>Cancels a save still waiting and waits (up to 30 s) for one under way; what it threw is thrown here.</summary>
    public void Dispose()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        if (_saving.TryEnter(TimeSpan.FromSeconds(30)))
        {
            _saving.Exit();
        }

        _pending.Wait(TimeSpan.FromSeconds(30));
    }
}
