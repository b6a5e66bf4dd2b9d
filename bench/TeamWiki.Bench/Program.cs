using TeamWiki.Bench;

// dotnet run -c Release --project bench/TeamWiki.Bench -- [storage|http|all] [--pages N] [--saves N] [--seconds N]
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

if (what is "http" or "all")
{
    Console.WriteLine("HTTP: page views and cold start…");
    var (views, cold) = await HttpBenchmark.RunAsync(pages, Option("--seconds", 15));
    report.Write("page-views", "Page views over HTTP", command, views);
    report.Write("cold-start", "Cold start", command, cold);
    Console.WriteLine(views);
    Console.WriteLine(cold);
}
