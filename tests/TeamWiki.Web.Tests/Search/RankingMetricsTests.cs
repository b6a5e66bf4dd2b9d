namespace TeamWiki.Web.Tests.Search;

/// <summary>The measures the relevance tests report, checked on rankings worked out by hand.</summary>
public class RankingMetricsTests
{
    private static readonly HashSet<string> Relevant = ["a", "b", "c"];

    [Fact]
    public void APerfectRankingScoresOneOnEveryMeasure()
    {
        string[] top = ["a", "b", "c", "x"];
        Assert.Equal(1, RankingMetrics.RecallAt10(top, Relevant));
        Assert.Equal(1, RankingMetrics.ReciprocalRank(top, Relevant));
        Assert.Equal(1, RankingMetrics.NdcgAt10(top, Relevant), 10);
    }

    [Fact]
    public void ARankingWithOneRelevantPageInSecondPlaceScoresAsWorkedOut()
    {
        string[] top = ["x", "b", "y"];
        Assert.Equal(1.0 / 3, RankingMetrics.RecallAt10(top, Relevant), 10);
        Assert.Equal(0.5, RankingMetrics.ReciprocalRank(top, Relevant));
        // DCG = 1/log2(3); ideal = 1 + 1/log2(3) + 1/log2(4) = 1 + 0.6309 + 0.5.
        Assert.Equal((1 / Math.Log2(3)) / (1 + 1 / Math.Log2(3) + 0.5), RankingMetrics.NdcgAt10(top, Relevant), 10);
    }

    [Fact]
    public void OnlyTheTopTenCountAndRecallIsOverAtMostTen()
    {
        var many = Enumerable.Range(0, 20).Select(i => $"r{i}").ToHashSet();
        var top = Enumerable.Range(0, 10).Select(i => i < 5 ? $"r{i}" : $"x{i}").Append("r19").ToList();
        Assert.Equal(0.5, RankingMetrics.RecallAt10(top, many));
        Assert.Equal(0, RankingMetrics.ReciprocalRank([.. Enumerable.Repeat("x", 10), "a"], Relevant));
    }
}
