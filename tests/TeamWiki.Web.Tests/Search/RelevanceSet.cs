namespace TeamWiki.Web.Tests.Search;

/// <summary>A judged query from Relevance/queries.tsv (see the README there).</summary>
public sealed record Judgement(string Id, string Kind, string Query, IReadOnlyList<string> Relevant, string? Space, string? Tag, string Note)
{
    public bool UsesCorpus => Relevant.Any(r => r.StartsWith("nlud/", StringComparison.Ordinal));
}

/// <summary>The outcome of one query: the rank of the first relevant page (null: not in the top 10).</summary>
public sealed record Outcome(Judgement Query, int? Rank, IReadOnlyList<string> Top)
{
    public bool Hit => Rank is not null;

    public double ReciprocalRank => Rank is { } r ? 1.0 / r : 0;
}

public static class RelevanceSet
{
    public static IReadOnlyList<Judgement> Load(string root)
    {
        var file = Path.Combine(root, "tests", "TeamWiki.Web.Tests", "Search", "Relevance", "queries.tsv");
        // Split on tabs only: the quotes of phrase queries are part of the query.
        return File.ReadAllLines(file).Skip(1).Where(l => l.Trim().Length > 0).Select(line =>
        {
            var f = line.Split('\t');
            var filters = f.Length > 4 ? f[4].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            string? Filter(string name) => filters.FirstOrDefault(x => x.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];
            return new Judgement(f[0], f[1], f[2], f[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Filter("space"), Filter("tag"), f.Length > 5 ? f[5] : "");
        }).ToList();
    }
}
