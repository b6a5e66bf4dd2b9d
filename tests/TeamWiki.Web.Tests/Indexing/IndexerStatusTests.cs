using TeamWiki.Web.Search.Indexing;

namespace TeamWiki.Web.Tests.Indexing;

public class IndexerStatusTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void AnIndexBehindTheBranchIsReportedOnlyAfterTheGracePeriod()
    {
        var clock = new ManualClock();
        var status = new IndexerStatus(clock) { Grace = TimeSpan.FromMinutes(2) };
        status.Succeeded();

        status.Behind();
        clock.Now += TimeSpan.FromMinutes(1);
        Assert.Equal("ok", status.Evaluate(upToDate: false).State);

        clock.Now += TimeSpan.FromMinutes(2);
        var (state, details) = status.Evaluate(upToDate: false);
        Assert.Equal("behind", state);
        Assert.Equal(clock.Now - TimeSpan.FromMinutes(3), details.BehindSince);

        status.Succeeded();
        Assert.Equal("ok", status.Evaluate(upToDate: true).State);
    }

    [Fact]
    public void AFailedRoundIsReportedUntilARoundSucceeds()
    {
        var status = new IndexerStatus(new ManualClock());
        status.Failed(new OutOfMemoryException("Insufficient memory"));

        var (state, details) = status.Evaluate(upToDate: false);
        Assert.Equal("failing", state);
        Assert.Contains("OutOfMemoryException", details.LastError);

        status.Succeeded();
        Assert.Equal("ok", status.Evaluate(upToDate: true).State);
    }

    [Fact]
    public void DocumentsCutOffOrUnreadableAreCountedWithoutFailingTheIndexer()
    {
        var status = new IndexerStatus(new ManualClock());
        status.DocumentLimited("kennisbank/bom.docx", "a part larger than 16 MB", failed: false);
        status.DocumentLimited("kennisbank/kapot.pdf", "broken", failed: true);

        var (state, details) = status.Evaluate(upToDate: true);
        Assert.Equal("ok", state);
        Assert.Equal(1, details.DocumentsCutOff);
        Assert.Equal(1, details.DocumentsUnreadable);
        Assert.Equal("kennisbank/kapot.pdf: broken", details.LastCutOff);
    }
}
