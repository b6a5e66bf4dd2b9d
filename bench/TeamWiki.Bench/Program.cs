using TeamWiki.Bench;

// dotnet run -c Release --project bench/TeamWiki.Bench -- [storage|http|search|projects|rendering|all] [--pages N] [--saves N] [--seconds N] [--search-pages N] [--queries N] [--tasks N] [--documents N] [--render-bytes N] [--render-runs N]
var what = args.FirstOrDefault(a => !a.StartsWith("--")) ?? "all";
int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } v && int.TryParse(v, out var n) ? n : fallback;
var pages = Option("--pages", 10_000);
var command = "dotnet run -c Release --project bench/TeamWiki.Bench -- " + string.Join(' ', args);
var report = new BenchmarkReport(Path.Combine(BenchCorpus.RepositoryRoot(), "docs", "benchmarks.md"));

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

    var (ours, raw, rawSnippets, hits) = SearchBenchmark.Latency(largest!.Index, queries);
    var (api, floor, firstStart) = await SearchHttpBenchmark.RunAsync(largest.Pages, queries);
    largest.Index.Dispose();
    var section = $"""
        Pages made from the corpus by `scale_corpus.py` (real Dutch sentences recombined), indexed through the
        app's own mapping (Markdown → plain text, front matter) with the full Dutch chain, all cores, after a
        warm-up build of 1,000 pages (JIT).

        | pages | build time | pages/s (target ≥ 1,000) | index size | peak RSS of the process |
        |---:|---:|---:|---:|---:|
        {string.Join(Environment.NewLine, rows)}

        Query latency at {largest.Pages:N0} pages, {queries.Count} queries of one to three words taken from corpus
        sentences (on average {hits:N0} hits each), one after another:

        | | p50 | p99 | target |
        |---|---:|---:|---:|
        | raw Lucene: classic query parser, same analyser, title ×2 + body, top 10 | {raw.P50:0.00} ms | {raw.P99:0.00} ms | |
        | raw Lucene + stored fields + Lucene's highlighter for the 10 hits | {rawSnippets.P50:0.00} ms | {rawSnippets.P99:0.00} ms | |
        | TeamWiki in process: query building, facets over all hits, snippets, spelling check | **{ours.P50:0.00} ms** | {ours.P99:0.00} ms | p50 ≤ 5 ms |
        | TeamWiki over HTTP: `GET /api/search?q=…` with a sign-in cookie, loopback | **{api.P50:0.00} ms** | {api.P99:0.00} ms | p50 ≤ 15 ms |
        | for scale: `GET /api/me` on the same connection (HTTP, sign-in cookie, JSON) | {floor.P50:0.00} ms | {floor.P99:0.00} ms | |

        API overhead (HTTP p50 against the raw Lucene query that produces the same results page, with
        snippets): **{api.P50 / rawSnippets.P50:0.00}×** (target ≤ 1.5×); against the bare raw query without
        snippets or facets: {api.P50 / raw.P50:0.00}×. The server's first start on these {largest.Pages:N0} pages
        (seed them into git, build the index) took {firstStart:0} s.
        """;
    report.Write("search", "Search: indexing and query latency", command, section);
    Console.WriteLine(section);
}

if (what is "http" or "all")
{
    Console.WriteLine("HTTP: page views and cold start…");
    var (views, cold) = await HttpBenchmark.RunAsync(pages, Option("--seconds", 15));
    report.Write("page-views", "Page views over HTTP", command, views);
    report.Write("cold-start", "Cold start", command, cold);
    Console.WriteLine(views);
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
