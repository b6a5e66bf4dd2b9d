namespace TeamWiki.Web.Tests.Search;

/// <summary>
/// Binary-relevance ranking measures over the top ten hits, as the shared corpus's README defines them:
/// recall@10 is the relevant pages in the top ten divided by min(10, relevant pages), MRR the reciprocal
/// rank of the first relevant page in the top ten, nDCG@10 binary gain with a log2 discount.
/// </summary>
public static class RankingMetrics
{
    public const int Depth = 10;

    public static double RecallAt10(IReadOnlyList<string> top, IReadOnlySet<string> relevant) =>
        relevant.Count == 0 ? 0 : (double)top.Take(Depth).Count(relevant.Contains) / Math.Min(Depth, relevant.Count);

    public static double ReciprocalRank(IReadOnlyList<string> top, IReadOnlySet<string> relevant)
    {
        var rank = top.Take(Depth).ToList().FindIndex(relevant.Contains);
        return rank < 0 ? 0 : 1.0 / (rank + 1);
    }

    public static double NdcgAt10(IReadOnlyList<string> top, IReadOnlySet<string> relevant)
    {
        var dcg = top.Take(Depth).Select((path, i) => relevant.Contains(path) ? Discount(i) : 0).Sum();
        var ideal = Enumerable.Range(0, Math.Min(Depth, relevant.Count)).Sum(Discount);
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /// <summary>The gain of a relevant page at zero-based position <paramref name="i"/>.</summary>
    private static double Discount(int i) => 1 / Math.Log2(i + 2);
}
