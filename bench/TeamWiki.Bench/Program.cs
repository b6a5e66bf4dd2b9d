using TeamWiki.Bench;

// dotnet run -c Release --project bench/TeamWiki.Bench -- [storage|http|search|search-said|projects|rendering|growth|startup|warm-views|all] [--server-dir DIR] [--restarts N] [--no-history-rebuild] [--growth-sizes 1000,10000,100000] [--rounds N] [--commits N] [--samples N] [--pages N] [--saves N] [--seconds N] [--search-pages N] [--said N] [--queries N] [--tasks N] [--documents N] [--render-bytes N] [--render-runs N]
var what = args.FirstOrDefault(a => !a.StartsWith("--")) ?? "all";
int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } v && int.TryParse(v, out var n) ? n : fallback;
var pages = Option("--pages", 10_000);
if (args.SkipWhile(a => a != "--server-dir").Skip(1).FirstOrDefault() is { } serverDirectory)
{
    // A published server (ReadyToRun, as the Dockerfile builds it) instead of the bench's own Release build.
    ServerProcess.ServerDirectory = Path.GetFullPath(serverDirectory);
}

var command = "dotnet run -c Release --project bench/TeamWiki.Bench -- " + string.Join(' ', args);
var report = new BenchmarkReport(Path.Combine(BenchCorpus.RepositoryRoot(), "docs", "benchmarks.md"));

if (what is "growth")
{
    // Not part of "all": with 100,000 pages it runs for an hour on the 2-core machine.
    var sizes = (args.SkipWhile(a => a != "--growth-sizes").Skip(1).FirstOrDefault() ?? "1000,10000,100000")
        .Split(',').Select(int.Parse).ToArray();
    var samples = Option("--samples", 100);
    var seconds = Option("--seconds", 10);
    var rows = new List<GrowthBenchmark.Row>();
    foreach (var size in sizes)
    {
        Console.WriteLine($"Growth: {size:N0} pages…");
        rows.Add(await GrowthBenchmark.MeasureAsync(size, Option("--commits", 10_000), samples, seconds));
        var section = GrowthReport.Format(rows, samples, seconds);
        report.Write("growth", "Growth: cost of a change, not of the wiki", command, section);
        Console.WriteLine(section);
    }
}

if (what is "startup")
{
    // Not part of "all": a tool to see where a restart's time goes, on a data folder kept in /tmp.
    Console.WriteLine(await StartupBenchmark.RunAsync(pages, Option("--commits", 10_000), Option("--restarts", 3), rebuildHistory: !args.Contains("--no-history-rebuild")));
}

if (what is "warm-views")
{
    // The growth run's throughput row alone, in a few minutes (not part of "all" either).
    var sizes = (args.SkipWhile(a => a != "--growth-sizes").Skip(1).FirstOrDefault() ?? "1000,10000").Split(',').Select(int.Parse).ToArray();
    var rounds = Option("--rounds", 3);
    var seconds = Option("--seconds", 10);
    var rows = new List<WarmViewsBenchmark.Row>();
    foreach (var size in sizes)
    {
        Console.WriteLine($"Warm page views against a static file: {size:N0} pages…");
        rows.Add(await WarmViewsBenchmark.MeasureAsync(size, rounds, seconds));
        var section = WarmViewsBenchmark.Format(rows, rounds, seconds);
        report.Write("warm-views", "Warm page views against a static file", command, section);
        Console.WriteLine(section);
    }
}

if (what is "storage" or "all")
{
    Console.WriteLine("Storage: saves vs raw libgit2 commits…");
    var section = StorageBenchmark.Run(pages, Option("--saves", 300));
    report.Write("storage", "Saving pages", command, section);
    Console.WriteLine(section);
}

if (what is "search" or "all")
{
    Console.WriteLine("Search: index build and query latency…");
    var sizes = new[] { Math.Min(pages, 10_000), Option("--search-pages", 100_000) }.Distinct().ToArray();
    var queries = SearchBenchmark.Queries(Option("--queries", 500));
    var rows = new List<string>();
    SearchBenchmark.BuildResult? largest = null;
    SearchBenchmark.WarmUp();
    foreach (var size in sizes)
    {
        var build = SearchBenchmark.Build(size);
        rows.Add($"| {build.Pages:N0} | {build.Seconds:0.0} s | **{build.Pages / build.Seconds:N0}** | {build.IndexBytes / 1e6:N0} MB | {build.PeakRssBytes / 1e6:N0} MB |");
        largest?.Index.Dispose();
        largest = build;
    }

    ArgumentNullException.ThrowIfNull(largest);
    var latency = SearchBenchmark.Latency(largest, queries);
    var http = await SearchHttpBenchmark.RunAsync(largest.Pages, queries, largest.Index.Analyzers);
    largest.Index.Dispose();
    var overhead = http.Api.P50 / http.RawWithSnippets.P50;
    var overBare = http.Api.P50 / http.RawBare.P50;
    string Verdict(double ratio, double target) => ratio <= target ? "met" : "**missed**";
    var section = $"""
        Pages made from the corpus by `scale_corpus.py` (real Dutch sentences recombined), indexed through the
        app's own mapping (Markdown → plain text, front matter) with the full Dutch chain, all cores, after a
        warm-up build of 1,000 pages (JIT).

        | pages | build time | pages/s (target ≥ 1,000) | index size | peak RSS of the process |
        |---:|---:|---:|---:|---:|
        {string.Join(Environment.NewLine, rows)}

        Query latency at {largest.Pages:N0} pages, {queries.Count} queries of one to three words taken from corpus
        sentences (on average {latency.MeanHits:N0} hits each), one after another. The raw Lucene baseline
        (`bench/TeamWiki.Bench/RawLucene.cs`) builds the query TeamWiki builds for plain words (each word's
        analysed terms over title ×2, headings ×1.5, body, parts ×0.1 and the English fields; words ANDed) straight
        from the analysers, on a reader of the same index folder in the same process, and returned the same
        top 10 as TeamWiki for {latency.SameTopTen} of {latency.Queries} queries. It leaves out what TeamWiki adds: parsing the
        query text, the known-word check (fuzzy fallback, spelling suggestion), facet counts over all hits.

        In process, on the benchmark's index, interleaved query by query:

        | | p50 | p99 |
        |---|---:|---:|
        | raw Lucene, same query semantics, top 10 paths (bare) | {latency.Raw.P50:0.00} ms | {latency.Raw.P99:0.00} ms |
        | raw Lucene + the same snippet work (stored fields, TeamWiki's `SnippetMaker`) for the 10 hits | {latency.RawWithSnippets.P50:0.00} ms | {latency.RawWithSnippets.P99:0.00} ms |
        | TeamWiki `WikiSearchIndex.Search`: parsing, known-word check, facets over all hits, snippets (target p50 ≤ 5 ms) | **{latency.Ours.P50:0.00} ms** | {latency.Ours.P99:0.00} ms |

        Over HTTP, on a server seeded with the same pages (its own index, {http.RawDocuments:N0} documents); after each
        request the same raw queries run on a reader of that server's index folder:

        | | p50 | p99 |
        |---|---:|---:|
        | raw Lucene on the server's index, bare | {http.RawBare.P50:0.00} ms | {http.RawBare.P99:0.00} ms |
        | raw Lucene on the server's index + the same snippet work | {http.RawWithSnippets.P50:0.00} ms | {http.RawWithSnippets.P99:0.00} ms |
        | TeamWiki over HTTP: `GET /api/search?q=…` with a sign-in cookie, loopback (target p50 ≤ 15 ms) | **{http.Api.P50:0.00} ms** | {http.Api.P99:0.00} ms |
        | for scale: `GET /api/me` on the same connection (HTTP, sign-in cookie, JSON) | {http.Floor.P50:0.00} ms | {http.Floor.P99:0.00} ms |

        | ratio of p50s, measured in this run | ratio | target | |
        |---|---:|---:|---|
        | API overhead: HTTP against raw Lucene with the same semantics and snippet work (the same results page) | **{overhead:0.00}×** | ≤ 1.5× | {Verdict(overhead, 1.5)} |
        | HTTP against the bare raw query (no snippets, no facets) | **{overBare:0.00}×** | ≤ 3× | {Verdict(overBare, 3)} |
        | in process: TeamWiki against raw Lucene with the same snippet work | {latency.Ours.P50 / latency.RawWithSnippets.P50:0.00}× | | |
        | in process: TeamWiki against the bare raw query | {latency.Ours.P50 / latency.Raw.P50:0.00}× | | |

        The server's first start on these {largest.Pages:N0} pages (seed them into git, build the index) took {http.FirstStartSeconds:0} s.
        """;
    report.Write("search", "Search: indexing and query latency", command, section);
    Console.WriteLine(section);
}

if (what is "search-said")
{
    // Issue 13 §4, not part of "all": 100,000 pages plus 100,000 posts and comments take most of an hour here.
    var searchPages = Option("--search-pages", 100_000);
    var said = Option("--said", searchPages);
    Console.WriteLine($"Search with what people said: {searchPages:N0} pages + {said:N0} posts and comments…");
    var result = await SaidSearchBenchmark.RunAsync(searchPages, said, SearchBenchmark.Queries(Option("--queries", 500)));
    var section = SaidSearchReport.Format(result);
    report.Write("search-said", "Search with what people said (issue 13 §4)", command, section);
    Console.WriteLine(section);
}

if (what is "http" or "all")
{
    Console.WriteLine("HTTP: page views, freshness and cold start…");
    var (views, cold, freshness) = await HttpBenchmark.RunAsync(pages, Option("--seconds", 15));
    report.Write("page-views", "Page views over HTTP", command, views);
    report.Write("freshness", "From a save or a push to the reader", command, freshness);
    report.Write("cold-start", "Cold start", command, cold);
    Console.WriteLine(views);
    Console.WriteLine(freshness);
    Console.WriteLine(cold);
}

if (what is "projects" or "all")
{
    Console.WriteLine("Projects: board with many tasks, document uploads until searchable…");
    var section = await ProjectsBenchmark.RunAsync(Option("--tasks", 5_000), Option("--documents", 150));
    report.Write("projects", "Project spaces: board and documents", command, section);
    Console.WriteLine(section);
}

if (what is "rendering" or "all")
{
    Console.WriteLine("Rendering: hostile Markdown against an ordinary page of the same size…");
    var section = RenderingBenchmark.Run(Option("--render-bytes", 200_000), Option("--render-runs", 3));
    report.Write("rendering", "Rendering hostile Markdown", command, section);
    Console.WriteLine(section);
}
