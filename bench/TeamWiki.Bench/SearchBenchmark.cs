using System.Diagnostics;
using System.Text.RegularExpressions;
using TeamWiki.Search;
using TeamWiki.Search.Analysis;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Search.Indexing;
using TeamWiki.Web.Markup;

namespace TeamWiki.Bench;

/// <summary>
/// Building the index for N pages (through the app's own mapping from Markdown), and query latency on
/// it: TeamWiki's full search (query parsing, known-word check, facets, snippets) against raw Lucene
/// with the same query semantics over the same fields (<see cref="RawLucene"/>), bare and with the same
/// snippet work, on the same index in the same process, query by query.
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

    /// <summary>In-process latency, interleaved query by query on one index: TeamWiki's search, and raw Lucene with the same semantics (bare, and with the same snippet work).</summary>
    public sealed record LatencyResult(Stats Ours, Stats Raw, Stats RawWithSnippets, double MeanHits, int SameTopTen, int Queries);

    public static LatencyResult Latency(BuildResult build, IReadOnlyList<string> queries)
    {
        var index = build.Index;
        using var raw = new RawLucene(build.Directory, index.Analyzers);
        var built = queries.Select(raw.Build).ToList();

        // Warm up all three paths (JIT, caches, the snippet memo) before timing.
        for (var i = 0; i < Math.Min(50, queries.Count); i++)
        {
            index.Search(new SearchRequest(queries[i]));
            raw.Bare(built[i]);
            raw.WithSnippets(built[i], queries[i]);
        }

        var ours = new List<double>();
        var rawMs = new List<double>();
        var rawSnippets = new List<double>();
        long hits = 0;
        var same = 0;
        for (var i = 0; i < queries.Count; i++)
        {
            var watch = Stopwatch.StartNew();
            var results = index.Search(new SearchRequest(queries[i]));
            ours.Add(watch.Elapsed.TotalMilliseconds);
            hits += results.Total;
            watch.Restart();
            var bare = raw.Bare(built[i]);
            rawMs.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            raw.WithSnippets(built[i], queries[i]);
            rawSnippets.Add(watch.Elapsed.TotalMilliseconds);
            if (bare.SequenceEqual(results.Items.Select(h => h.Path)))
            {
                same++;
            }
        }

        return new LatencyResult(new Stats(ours), new Stats(rawMs), new Stats(rawSnippets), (double)hits / queries.Count, same, queries.Count);
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
