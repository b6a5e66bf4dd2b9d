using System.Globalization;
using System.Text;
using TeamWiki.Search;
using TeamWiki.Web.Tests.Support;
using Xunit.Abstractions;

namespace TeamWiki.Web.Tests.Search;

/// <summary>
/// The out-of-sample figure: the shared development set (<c>../shared/corpus/dev-queries.tsv</c>, 365
/// queries whose relevance comes from the treebanks' lemma annotation) scored through the app's own
/// index and query code. Nothing in the analysis was tuned on these queries (see docs/search.md), so
/// unlike Relevance/queries.tsv they show how the search does on queries nobody looked at. The figures
/// are guarded against regressions by Relevance/baseline-dev.tsv; they are not a target to tune to.
/// </summary>
[Collection(RelevanceCollection.Name)]
public class DevelopmentSetTests(RelevanceIndex index, ITestOutputHelper output)
{
    [CorpusFact]
    public void OutOfSampleFiguresWithTheSampleWikiBesideTheCorpusStayAtOrAboveTheirBaseline()
    {
        Assert.True(index.Combined is not null, $"the shared corpus is required but absent: {SharedCorpus.Pages}");
        Score(index.Combined, index.Documents, "dev-relevance", "baseline-dev.tsv", "in one index of {0} pages (the corpus and the sample wiki)");
    }

    [CorpusFact]
    public void OutOfSampleFiguresOverTheCorpusAloneStayAtOrAboveTheirBaseline()
    {
        Assert.True(index.Corpus is not null, $"the shared corpus is required but absent: {SharedCorpus.Pages}");
        Score(index.Corpus, index.CorpusDocuments, "dev-relevance-corpus", "baseline-dev-corpus.tsv", "in an index of the corpus alone ({0} pages)");
    }

    private void Score(WikiSearchIndex searchIndex, IReadOnlyList<SearchDocument> documents, string section, string baselineFile, string indexDescription)
    {
        var queries = DevelopmentSet.Load(SharedCorpus.DevQueries);
        Assert.True(queries.Count >= 300, $"only {queries.Count} development queries were read");
        var scored = queries.Select(q =>
        {
            var top = searchIndex.Search(new SearchRequest(q.Query, RankingMetrics.Depth)).Items.Select(i => i.Path).ToList();
            return (q, top, q.Category, Recall: RankingMetrics.RecallAt10(top, q.Relevant), Rr: RankingMetrics.ReciprocalRank(top, q.Relevant), Ndcg: RankingMetrics.NdcgAt10(top, q.Relevant));
        }).ToList();
        var rows = scored.GroupBy(s => s.Category).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Row(g.Key, g.Count(), g.Average(s => s.Recall), g.Average(s => s.Rr), g.Average(s => s.Ndcg)))
            .Append(new Row("all", scored.Count, scored.Average(s => s.Recall), scored.Average(s => s.Rr), scored.Average(s => s.Ndcg)))
            .ToList();

        var report = Report(rows, queries, documents, string.Format(CultureInfo.InvariantCulture, indexDescription, documents.Count));
        output.WriteLine(report);
        // Where the set loses: the queries that miss relevant pages, with what outranks them.
        foreach (var s in scored.Where(s => s.Recall < 1 || s.Rr < 1).OrderBy(s => s.Category, StringComparer.Ordinal).ThenBy(s => s.Recall))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Category}\t{s.q.Id}\t{s.q.Query}\trecall {s.Recall:0.00} rr {s.Rr:0.00}\trel {s.q.Relevant.Count}\ttop: {string.Join(' ', s.top.Take(10).Select(p => (s.q.Relevant.Contains(p) ? "+" : "-") + p))}"));
        }

        if (Environment.GetEnvironmentVariable("TEAMWIKI_WRITE_SEARCH_REPORT") == "1")
        {
            SearchReport.Write(index.Root, section, report);
        }

        var baseline = File.ReadAllLines(Path.Combine(index.Root, "tests", "TeamWiki.Web.Tests", "Search", "Relevance", baselineFile))
            .Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t'))
            .ToDictionary(f => f[0], f => f.Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
        foreach (var row in rows)
        {
            Assert.True(baseline.TryGetValue(row.Category, out var b), $"{row.Category}: no row in {baselineFile}");
            Assert.True(row.Recall >= b[0] - 0.0005, $"{row.Category}: recall@10 {row.Recall:0.000} fell below the baseline {b[0]:0.000}");
            Assert.True(row.Mrr >= b[1] - 0.0005, $"{row.Category}: MRR {row.Mrr:0.000} fell below the baseline {b[1]:0.000}");
            Assert.True(row.Ndcg >= b[2] - 0.0005, $"{row.Category}: nDCG@10 {row.Ndcg:0.000} fell below the baseline {b[2]:0.000}");
        }
    }

    private static string Report(IReadOnlyList<Row> rows, IReadOnlyList<DevQuery> queries, IReadOnlyList<SearchDocument> documents, string indexDescription)
    {
        // The same queries with stock analysers on the same pages, for scale (recall@10 as above).
        using var words = new BaselineEngine("whole words (grep)", BaselineEngine.WholeWords(), documents);
        using var dutch = new BaselineEngine("Lucene DutchAnalyzer", BaselineEngine.Dutch(), documents);
        var stock = new[] { words, dutch }.Select(e => queries.Select(q =>
            (q.Category, Recall: RankingMetrics.RecallAt10(e.Search(new Judgement(q.Id, q.Category, q.Query, [.. q.Relevant], null, null, ""), null), q.Relevant))).ToList()).ToList();

        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{queries.Count} queries of `../shared/corpus/dev-queries.tsv`, searched with `WikiSearchIndex.Search` (the API's search) {indexDescription}, top 10.");
        sb.AppendLine();
        sb.AppendLine("| category | queries | recall@10 | MRR | nDCG@10 | recall@10, whole words | recall@10, DutchAnalyzer |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var cells = stock.Select(s => s.Where(x => row.Category == "all" || x.Category == row.Category).Average(x => x.Recall));
            var bold = row.Category == "all" ? "**" : "";
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {bold}{row.Category}{bold} | {row.Count} | {bold}{row.Recall:0.000}{bold} | {bold}{row.Mrr:0.000}{bold} | {bold}{row.Ndcg:0.000}{bold} | {string.Join(" | ", cells.Select(c => c.ToString("0.000", CultureInfo.InvariantCulture)))} |");
        }

        return sb.ToString();
    }

    private sealed record Row(string Category, int Count, double Recall, double Mrr, double Ndcg);
}
