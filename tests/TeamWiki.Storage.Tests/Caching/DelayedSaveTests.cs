using TeamWiki.Storage.Caching;

namespace TeamWiki.Storage.Tests.Caching;

public class DelayedSaveTests
{
    [Fact]
    public async Task ABurstOfChangesIsWrittenOnceAfterTheDelay()
    {
        using var delayed = new DelayedSave();
        var saves = 0;
        for (var i = 0; i < 20; i++)
        {
            delayed.Schedule(TimeSpan.FromMilliseconds(200), () => Interlocked.Increment(ref saves));
        }

        Assert.Equal(0, Volatile.Read(ref saves));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Volatile.Read(ref saves) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await Task.Delay(300);
        Assert.Equal(1, Volatile.Read(ref saves));

        // A change after the write schedules the next one.
        delayed.Schedule(TimeSpan.FromMilliseconds(50), () => Interlocked.Increment(ref saves));
        deadline = DateTime.UtcNow.AddSeconds(10);
        while (Volatile.Read(ref saves) == 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(2, Volatile.Read(ref saves));
    }

    [Fact]
    public async Task NothingIsWrittenAfterDispose()
    {
        var saves = 0;
        var delayed = new DelayedSave();
        delayed.Schedule(TimeSpan.FromMilliseconds(100), () => Interlocked.Increment(ref saves));
        delayed.Dispose();
        delayed.Schedule(TimeSpan.FromMilliseconds(1), () => Interlocked.Increment(ref saves));

        await Task.Delay(400);
        Assert.Equal(0, Volatile.Read(ref saves));
    }

    [Fact]
    public void DisposeWaitsForASaveUnderWay()
    {
        var finished = false;
        var started = new ManualResetEventSlim();
        var delayed = new DelayedSave();
        delayed.Schedule(TimeSpan.Zero, () =>
        {
            started.Set();
            Thread.Sleep(300);
            finished = true;
        });

        Assert.True(started.Wait(TimeSpan.FromSeconds(10)));
        delayed.Dispose();
        Assert.True(finished);
    }

    [Fact]
    public void DisposeWaitsForAnOlderSaveStillWritingAfterANewerOneWasScheduled()
    {
        var finished = false;
        var started = new ManualResetEventSlim();
        var delayed = new DelayedSave();
        delayed.Schedule(TimeSpan.Zero, () =>
        {
            started.Set();
            Thread.Sleep(400);
            finished = true;
        });
        Assert.True(started.Wait(TimeSpan.FromSeconds(10)));

        // A change while the first save writes schedules a second one; stopping cancels that one only.
        delayed.Schedule(TimeSpan.FromMinutes(1), () => { });
        delayed.Dispose();

        Assert.True(finished);
    }
}
