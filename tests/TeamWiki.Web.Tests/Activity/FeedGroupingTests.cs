using TeamWiki.Web.Activity;

namespace TeamWiki.Web.Tests.Activity;

/// <summary>A person's run of edits to one item within an hour is one feed line with a count.</summary>
public class FeedGroupingTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static FeedItem Edit(string who, string url, int minutesAgo, string action = "edited", string kind = "page") =>
        new(kind, action, "Verlof", url, "handboek", who, who.ToLowerInvariant(), Noon.AddMinutes(-minutesAgo), null);

    [Fact]
    public void FiveEditsByOnePersonToOnePageWithinAnHourAreOneLineCountedFiveTimes()
    {
        var lines = FeedGrouping.Collapse([Edit("Marieke", "/wiki/handboek/verlof", 0), Edit("Marieke", "/wiki/handboek/verlof", 10),
            Edit("Marieke", "/wiki/handboek/verlof", 20), Edit("Marieke", "/wiki/handboek/verlof", 40), Edit("Marieke", "/wiki/handboek/verlof", 60)]);

        var line = Assert.Single(lines);
        Assert.Equal(5, line.Count);
        Assert.Equal(Noon, line.At);
    }

    [Fact]
    public void AnEditMoreThanAnHourBeforeTheNewestStartsANewLine()
    {
        var lines = FeedGrouping.Collapse([Edit("Marieke", "/wiki/a/b", 0), Edit("Marieke", "/wiki/a/b", 50), Edit("Marieke", "/wiki/a/b", 61)]);

        Assert.Equal([2, 1], lines.Select(l => l.Count));
    }

    [Fact]
    public void AnotherPersonAnotherItemOrAnotherActionInBetweenEndsTheRun()
    {
        var lines = FeedGrouping.Collapse([
            Edit("Marieke", "/wiki/a/b", 0), Edit("Jan", "/wiki/a/b", 1), Edit("Marieke", "/wiki/a/b", 2),
            Edit("Marieke", "/wiki/a/c", 3), Edit("Marieke", "/wiki/a/b", 4), Edit("Marieke", "/wiki/a/b", 5, action: "created"),
            Edit("Marieke", "/tasks/ATL-1", 6, kind: "task"), Edit("Marieke", "/tasks/ATL-1", 7, kind: "task")]);

        Assert.Equal([1, 1, 1, 1, 1, 1, 2], lines.Select(l => l.Count));
    }
}
