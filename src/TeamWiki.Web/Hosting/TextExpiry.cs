namespace TeamWiki.Web.Hosting;

/// <summary>
/// When the HTML rendered in this scope stops being true by the clock alone: "just now" becomes "1 min
/// ago", "5 min ago" becomes "6 min ago", "today at 14:02" becomes a date. Components that print a time
/// relative to now report the moment their text would change; a cache keeping the HTML (the page view
/// cache, the bell) keeps it no longer than that. One per request (or per render outside a request).
/// </summary>
public sealed class TextExpiry
{
    private long _until = long.MaxValue;

    /// <summary>The earliest moment reported, or null when nothing rendered depends on the clock.</summary>
    public DateTimeOffset? Until
    {
        get
        {
            var until = Interlocked.Read(ref _until);
            return until == long.MaxValue ? null : new DateTimeOffset(until, TimeSpan.Zero);
        }
    }

    /// <summary>The rendered text changes at <paramref name="moment"/>.</summary>
    public void NoLaterThan(DateTimeOffset moment)
    {
        var ticks = moment.UtcTicks;
        long seen;
        do
        {
            seen = Interlocked.Read(ref _until);
            if (ticks >= seen)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _until, ticks, seen) != seen);
    }
}
