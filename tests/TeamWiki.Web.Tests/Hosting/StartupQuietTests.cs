using Microsoft.AspNetCore.Http;
using TeamWiki.Web.Hosting;

namespace TeamWiki.Web.Tests.Hosting;

/// <summary>Work that can wait at start (the word lists of search) waits until the first requests were answered.</summary>
public class StartupQuietTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private sealed class ManualClock : TimeProvider
    {
        public long Ticks { get; set; } = 1_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Ticks;
    }

    [Fact]
    public async Task ItIsQuietOnlyOnceARequestWasAnsweredAndNoneRanForAWhile()
    {
        var clock = new ManualClock();
        var quiet = new StartupQuiet(clock);

        // Nothing asked yet: the first request may be on its way.
        clock.Ticks += TimeSpan.FromMinutes(1).Ticks;
        Assert.False(quiet.IsQuiet(Second));

        var answering = new TaskCompletionSource();
        var request = quiet.TrackAsync(new DefaultHttpContext(), () => answering.Task);
        clock.Ticks += TimeSpan.FromMinutes(1).Ticks;
        Assert.False(quiet.IsQuiet(Second));

        answering.SetResult();
        await request;
        Assert.False(quiet.IsQuiet(Second));
        clock.Ticks += Second.Ticks;
        Assert.True(quiet.IsQuiet(Second));

        // The next page asked for right after the sign-in: busy again, however long it takes.
        var second = new TaskCompletionSource();
        var next = quiet.TrackAsync(new DefaultHttpContext(), () => second.Task);
        clock.Ticks += TimeSpan.FromMinutes(1).Ticks;
        Assert.False(quiet.IsQuiet(Second));
        second.SetResult();
        await next;
        clock.Ticks += Second.Ticks;
        Assert.True(quiet.IsQuiet(Second));
    }

    [Fact]
    public async Task AFailedRequestCountsAsAnsweredAndLeavesNothingRunning()
    {
        var clock = new ManualClock();
        var quiet = new StartupQuiet(clock);

        await Assert.ThrowsAsync<InvalidOperationException>(() => quiet.TrackAsync(new DefaultHttpContext(), () => throw new InvalidOperationException("kapot")));
        clock.Ticks += Second.Ticks;

        Assert.True(quiet.IsQuiet(Second));
    }
}
