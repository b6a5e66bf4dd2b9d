using TeamWiki.Storage.Changes;
using TeamWiki.Storage.Git;

namespace TeamWiki.Storage.Tests.Git;

/// <summary>The consumers of the change feed share one read of each commit's changes.</summary>
public sealed class CommitChangesMemoTests
{
    private static CommitChanges Changes(string commit) => new(commit, null, "Ans", "ans@example.org", DateTimeOffset.UnixEpoch, "Save", []);

    [Fact]
    public async Task ConsumersAskingForTheSameCommitAtOnceShareOneRead()
    {
        var memo = new CommitChangesMemo();
        var reads = 0;
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        CommitChanges Read()
        {
            Interlocked.Increment(ref reads);
            started.Set();
            Assert.True(release.Wait(TimeSpan.FromSeconds(30)), "the read was never released");
            return Changes("c1");
        }

        var first = Task.Run(() => memo.Get("c1", Read));
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)), "the first read never started");
        var others = Enumerable.Range(0, 3).Select(_ => Task.Run(() => memo.Get("c1", Read))).ToList();
        release.Set();

        var all = await Task.WhenAll(others.Prepend(first));
        Assert.Equal(1, reads);
        Assert.All(all, c => Assert.Same(all[0], c));
    }

    [Fact]
    public void AFailedReadIsNotKept()
    {
        var memo = new CommitChangesMemo();

        Assert.Throws<InvalidOperationException>(() => memo.Get("c1", () => throw new InvalidOperationException("object missing")));

        Assert.Equal("c1", memo.Get("c1", () => Changes("c1")).Commit);
    }

    [Fact]
    public void OnlyTheMostRecentCommitsAreKept()
    {
        var memo = new CommitChangesMemo();
        var reads = new Dictionary<string, int>();
        CommitChanges Read(string commit)
        {
            reads[commit] = reads.GetValueOrDefault(commit) + 1;
            return Changes(commit);
        }

        for (var i = 0; i <= CommitChangesMemo.Capacity; i++)
        {
            memo.Get($"c{i}", () => Read($"c{i}"));
        }

        memo.Get($"c{CommitChangesMemo.Capacity}", () => Read($"c{CommitChangesMemo.Capacity}"));
        memo.Get("c0", () => Read("c0"));

        Assert.Equal(1, reads[$"c{CommitChangesMemo.Capacity}"]);
        Assert.Equal(2, reads["c0"]);
    }
}
