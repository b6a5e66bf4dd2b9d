using System.Globalization;
using System.Text;
using TeamWiki.Search;
using Xunit.Abstractions;

namespace TeamWiki.Web.Tests.Search;

/// <summary>
/// The Dutch relevance set: recall@10 and MRR per kind of query, over the sample wiki and the corpus.
/// The figures may only go up: they are compared with Relevance/baseline.tsv, and with the targets
/// (≥ .95 recall@10 overall, no kind below .90). Set TEAMWIKI_WRITE_SEARCH_REPORT=1 to rewrite the
/// table in docs/search.md.
/// </summary>
public class RelevanceTests(RelevanceIndex index, ITestOutputHelper output) : IClassFixture<RelevanceIndex>
{
    private const double TargetOverall = 0.95;
    private const double TargetPerKind = 0.90;

    [Fact]
    public void RecallAndMrrPerKindStayAtOrAboveTheBaseline()
    {
        var queries = RelevanceSet.Load(index.Root).Where(q => index.CorpusPresent || !q.UsesCorpus).ToList();
        if (!index.CorpusPresent)
        {
            output.WriteLine("The shared corpus (../shared/corpus/nl-ud) is absent: only the sample-wiki queries are evaluated.");
        }

        Assert.True(queries.Count >= 100 || !index.CorpusPresent, $"only {queries.Count} queries");
        var outcomes = queries.Select(Evaluate).ToList();
        var rows = outcomes.GroupBy(o => o.Query.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Kind: g.Key, Count: g.Count(), Recall: g.Average(o => o.Hit ? 1.0 : 0), Mrr: g.Average(o => o.ReciprocalRank)))
            .ToList();
        var overall = (Kind: "all", Count: outcomes.Count, Recall: outcomes.Average(o => o.Hit ? 1.0 : 0), Mrr: outcomes.Average(o => o.ReciprocalRank));
        var report = Report(rows, overall, outcomes) + Comparison(queries, rows.Select(r => (r.Kind, r.Recall)).Append((overall.Kind, overall.Recall)));
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("TEAMWIKI_WRITE_SEARCH_REPORT") == "1" && index.CorpusPresent)
        {
            WriteReport(report);
        }

        var baseline = Baseline();
        foreach (var row in rows.Append(overall))
        {
            if (baseline.TryGetValue(row.Kind, out var b))
            {
                Assert.True(row.Recall >= b.Recall - 0.0005, $"{row.Kind}: recall@10 {row.Recall:0.000} fell below the baseline {b.Recall:0.000}");
                Assert.True(row.Mrr >= b.Mrr - 0.0005, $"{row.Kind}: MRR {row.Mrr:0.000} fell below the baseline {b.Mrr:0.000}");
            }
        }

        if (index.CorpusPresent)
        {
            Assert.True(overall.Recall >= TargetOverall, $"overall recall@10 {overall.Recall:0.000} < {TargetOverall}");
            foreach (var row in rows)
            {
                Assert.True(row.Recall >= TargetPerKind, $"{row.Kind}: recall@10 {row.Recall:0.000} < {TargetPerKind}");
            }
        }
    }

    private Outcome Evaluate(Judgement q)
    {
        var results = index.Index.Search(new SearchRequest(q.Query, 10, 0, q.Space, q.Tag));
        var top = results.Items.Select(i => i.Path).ToList();
        var rank = top.FindIndex(p => q.Relevant.Contains(p));
        return new Outcome(q, rank >= 0 ? rank + 1 : null, top);
    }

    private string Report(IEnumerable<(string Kind, int Count, double Recall, double Mrr)> rows, (string Kind, int Count, double Recall, double Mrr) overall, IReadOnlyList<Outcome> outcomes)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{outcomes.Count} queries ({outcomes.Count(o => !o.Query.UsesCorpus)} over the sample wiki, {outcomes.Count(o => o.Query.UsesCorpus)} over the corpus), one index of {index.Count} pages.");
        sb.AppendLine();
        sb.AppendLine("| kind | queries | recall@10 | MRR |");
        sb.AppendLine("|---|---:|---:|---:|");
        foreach (var row in rows)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {row.Kind} | {row.Count} | {row.Recall:0.000} | {row.Mrr:0.000} |");
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"| **all** | **{overall.Count}** | **{overall.Recall:0.000}** | **{overall.Mrr:0.000}** |");
        var misses = outcomes.Where(o => !o.Hit).ToList();
        sb.AppendLine();
        sb.AppendLine(misses.Count == 0 ? "No misses." : "Misses (not in the top 10):");
        foreach (var miss in misses)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {miss.Query.Id} {miss.Query.Kind} `{miss.Query.Query}` → {string.Join(", ", miss.Query.Relevant)} ({miss.Query.Note}); top: {string.Join(", ", miss.Top.Take(3))}");
        }

        return sb.ToString();
    }

    /// <summary>Recall@10 of the same queries with stock analysers, to show what the Dutch chain adds.</summary>
    private string Comparison(IReadOnlyList<Judgement> queries, IEnumerable<(string Kind, double Recall)> ours)
    {
        using var words = new BaselineEngine("whole words (grep)", BaselineEngine.WholeWords(), index.Documents);
        using var dutch = new BaselineEngine("Lucene DutchAnalyzer (≈ PostgreSQL 'dutch')", BaselineEngine.Dutch(), index.Documents);
        var engines = new[] { words, dutch };
        var recall = engines.Select(e => queries.Select(q => (q.Kind, Hit: e.Search(q, Allowed(q)).Any(p => q.Relevant.Contains(p)))).ToList()).ToList();
        var sb = new StringBuilder();
        sb.AppendLine();
        sb.AppendLine("Recall@10 of the same queries on the same pages with stock analysers (title ×2 and body, all words required; filters applied):");
        sb.AppendLine();
        sb.AppendLine("| kind | " + string.Join(" | ", engines.Select(e => e.Name)) + " | TeamWiki |");
        sb.AppendLine("|---|" + string.Concat(engines.Select(_ => "---:|")) + "---:|");
        foreach (var (kind, mine) in ours)
        {
            var cells = recall.Select(r => r.Where(x => kind == "all" || x.Kind == kind).Average(x => x.Hit ? 1.0 : 0));
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {kind} | {string.Join(" | ", cells.Select(c => c.ToString("0.000", CultureInfo.InvariantCulture)))} | {mine:0.000} |");
        }

        return sb.ToString();
    }

    /// <summary>The pages a query's filters allow, for the comparison engines (which know no filters).</summary>
    private IReadOnlySet<string>? Allowed(Judgement q)
    {
        var text = InlineFilters.Parse(q.Query).Filters;
        var space = q.Space ?? text.GetValueOrDefault("space");
        var tag = q.Tag ?? text.GetValueOrDefault("tag");
        if (space is null && tag is null)
        {
            return null;
        }

        return index.Documents.Where(d => (space is null || d.Space == space) && (tag is null || d.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase)))
            .Select(d => d.Path).ToHashSet();
    }

    private Dictionary<string, (double Recall, double Mrr)> Baseline()
    {
        var file = Path.Combine(index.Root, "tests", "TeamWiki.Web.Tests", "Search", "Relevance", "baseline.tsv");
        if (!File.Exists(file) || !index.CorpusPresent)
        {
            return [];
        }

        return File.ReadAllLines(file).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t'))
            .ToDictionary(f => f[0], f => (double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture)));
    }

    private void WriteReport(string report)
    {
        var file = Path.Combine(index.Root, "docs", "search.md");
        var text = File.ReadAllText(file);
        const string start = "<!-- relevance -->";
        const string end = "<!-- /relevance -->";
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        if (from >= 0 && to > from)
        {
            File.WriteAllText(file, text[..(from + start.Length)] + "\n" + report.TrimEnd() + "\n" + text[to..]);
        }
    }
}
