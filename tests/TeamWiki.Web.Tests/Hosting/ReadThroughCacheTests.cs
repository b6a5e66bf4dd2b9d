using TeamWiki.Web.Hosting;

namespace TeamWiki.Web.Tests.Hosting;

/// <summary>The per-process cache of database reads that page views make: kept until the writer says otherwise, never a stale read.</summary>
public class ReadThroughCacheTests
{
    [Fact]
    public async Task AValueIsReadOnceAndKeptUntilItsKeyIsInvalidated()
    {
        var cache = new ReadThroughCache<int>(TimeSpan.FromHours(1));
        var reads = 0;
        Task<int> Load() => Task.FromResult(++reads);

        Assert.Equal(1, await cache.GetAsync("a", Load));
        Assert.Equal(1, await cache.GetAsync("a", Load));
        Assert.Equal(2, await cache.GetAsync("b", Load));

        cache.Invalidate("a");

        Assert.Equal(3, await cache.GetAsync("a", Load));
        Assert.Equal(2, await cache.GetAsync("b", Load));
        Assert.Equal(3, reads);
    }

    [Fact]
    public async Task AReadThatRacedWithAWriteIsNotKept()
    {
        var cache = new ReadThroughCache<string>(TimeSpan.FromHours(1));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stale = Task.Run(() => cache.GetAsync("k", async () =>
        {
            started.SetResult();
            await gate.Task;
            return "before the write";
        }));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The write commits and invalidates while the old value is still being read.
        cache.Invalidate("k");
        gate.SetResult();

        Assert.Equal("before the write", await stale.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("after the write", await cache.GetAsync("k", () => Task.FromResult("after the write")));
    }

    [Fact]
    public async Task AnEntryExpiresAfterItsLifetime()
    {
        var cache = new ReadThroughCache<int>(TimeSpan.Zero);
        var reads = 0;

        await cache.GetAsync("a", () => Task.FromResult(++reads));
        await cache.GetAsync("a", () => Task.FromResult(++reads));

        Assert.Equal(2, reads);
    }
}
