namespace TeamWiki.Web.Hosting;

/// <summary>
/// Tells start-up work that can wait (loading the Dutch word lists for search) when the first requests
/// have been answered: on a two-core server, work started beside the first page view takes the core that
/// page needs. Quiet means a request was answered and none was running or started since
/// <c>quietFor</c>; the work starts anyway after <c>atMost</c>, so a server under load from its first
/// second still gets it done.
/// </summary>
public sealed class StartupQuiet(TimeProvider time)
{
    private long _lastActivity = time.GetTimestamp();
    private int _running;
    private int _answered;

    /// <summary>Counts the requests in and out (registered first in the pipeline, see <see cref="Initialisation"/>).</summary>
    public async Task TrackAsync(HttpContext context, Func<Task> next)
    {
        Interlocked.Increment(ref _running);
        Volatile.Write(ref _lastActivity, time.GetTimestamp());
        try
        {
            await next();
        }
        finally
        {
            Volatile.Write(ref _lastActivity, time.GetTimestamp());
            Interlocked.Decrement(ref _running);
            Volatile.Write(ref _answered, 1);
        }
    }

    /// <summary>Completes once the server is quiet after its first answer, or after <paramref name="atMost"/>.</summary>
    public async Task WhenQuietAsync(TimeSpan quietFor, TimeSpan atMost, CancellationToken ct)
    {
        var start = time.GetTimestamp();
        while (time.GetElapsedTime(start) < atMost && !IsQuiet(quietFor))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, ct);
        }
    }

    /// <summary>True once a request was answered and none has been running for <paramref name="quietFor"/>.</summary>
    public bool IsQuiet(TimeSpan quietFor) =>
        Volatile.Read(ref _answered) == 1 && Volatile.Read(ref _running) == 0
        && time.GetElapsedTime(Volatile.Read(ref _lastActivity)) >= quietFor;
}
