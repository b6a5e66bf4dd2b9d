using System.Diagnostics;
using System.Text.RegularExpressions;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Util;
using TeamWiki.Search;
using TeamWiki.Search.Analysis;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Indexing;
using TeamWiki.Web.Markup;

namespace TeamWiki.Bench;

/// <summary>
/// Building the index for N pages (through the app's own mapping from Markdown), and query latency on
/// it: TeamWiki's full search (query building, facets, snippets) against a raw Lucene query (classic
/// query parser, same analyser and fields) on the same index, in the same run.
/// </summary>
public static partial class SearchBenchmark
{
    public sealed record BuildResult(int Pages, double Seconds, long IndexBytes, long PeakRssBytes, string Directory, WikiSearchIndex Index);

    /// <summary>Indexes a thousand pages into a throwaway index, so the timed builds do not pay for JIT warm-up.</summary>
    public static void WarmUp()
    {
        var build = Build(10_000, limit: 1_000);
        build.Index.Dispose();
        Directory.Delete(build.Directory, true);
    }

    public static BuildResult Build(int pageCount, int? limit = null)
    {
        var source = BenchCorpus.Pages(pageCount);
        var directory = Path.Combine(Path.GetTempPath(), "teamwiki-bench", $"index-{pageCount}-" + Guid.NewGuid().ToString("n")[..6]);
        var analyzers = new WikiAnalyzers();
        analyzers.Preload();
        var index = new WikiSearchIndex(directory, analyzers);
        var documents = new PageDocuments(new MarkdownRenderer());
        var files = Directory.GetFiles(source, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(limit ?? int.MaxValue).ToList();
        var updated = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var watch = Stopwatch.StartNew();
        index.Replace(files, file =>
        {
            var path = PagePath.Parse(Path.GetRelativePath(source, file).Replace('\\', '/'));
            var (meta, body) = FrontMatter.Split(File.ReadAllText(file));
            return documents.From(path, PageTitles.Of(path, meta, body), body, meta, "Bench", updated.AddMinutes(path.Value.Length));
        }, "bench");
        var seconds = watch.Elapsed.TotalSeconds;
        var bytes = Directory.GetFiles(directory).Sum(f => new FileInfo(f).Length);
        return new BuildResult(files.Count, seconds, bytes, Process.GetCurrentProcess().PeakWorkingSet64, directory, index);
    }

    /// <summary>Realistic queries: one to three words taken from random sentences of the corpus.</summary>
    public static IReadOnlyList<string> Queries(int count)
    {
        var sentences = File.ReadLines(Path.Combine(BenchCorpus.RepositoryRoot(), "..", "shared", "corpus", "sentences.tsv")).Skip(1)
            .Select(l => l[(l.IndexOf('\t') + 1)..]).ToList();
        var random = new Random(11);
        var queries = new List<string>();
        while (queries.Count < count)
        {
            var words = Word().Matches(sentences[random.Next(sentences.Count)]).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 4).ToList();
            if (words.Count < 3)
            {
                continue;
            }

            var take = 1 + random.Next(3);
            var start = random.Next(words.Count - take + 1);
            queries.Add(string.Join(' ', words.Skip(start).Take(take)));
        }

        return queries;
    }

    public static (Stats Ours, Stats Raw, Stats RawWithSnippets, double MeanHits) Latency(WikiSearchIndex index, IReadOnlyList<string> queries)
    {
        var parser = new MultiFieldQueryParser(LuceneVersion.LUCENE_48, ["title", "body"], index.Analyzers.Dutch,
            new Dictionary<string, float> { ["title"] = 2f, ["body"] = 1f }) { DefaultOperator = Operator.AND };
        var raw = queries.Select(q => parser.Parse(QueryParserBase.Escape(q))).ToList();

        // Warm up both paths (JIT, caches) before timing.
        for (var i = 0; i < Math.Min(50, queries.Count); i++)
        {
            index.Search(new SearchRequest(queries[i]));
            index.RawSearch(raw[i], 10);
            index.RawSearchWithSnippets(raw[i], 10);
        }

        var ours = new List<double>();
        var rawMs = new List<double>();
        var rawSnippets = new List<double>();
        long hits = 0;
        for (var i = 0; i < queries.Count; i++)
        {
            var watch = Stopwatch.StartNew();
            hits += index.Search(new SearchRequest(queries[i])).Total;
            ours.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            index.RawSearch(raw[i], 10);
            rawMs.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            index.RawSearchWithSnippets(raw[i], 10);
            rawSnippets.Add(watch.Elapsed.TotalMilliseconds);
        }

        return (new Stats(ours), new Stats(rawMs), new Stats(rawSnippets), (double)hits / queries.Count);
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
