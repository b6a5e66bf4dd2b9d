namespace TeamWiki.Bench;

/// <summary>The growth benchmark's section of docs/benchmarks.md: the targets as ratios per size, and how each grows.</summary>
public static class GrowthReport
{
    public static string Format(IReadOnlyList<GrowthBenchmark.Row> rows, int samples, int seconds)
    {
        string Verdict(double ratio, double target, bool atMost = true) => (atMost ? ratio <= target : ratio >= target) ? "met" : "**missed**";
        var targets = string.Join(Environment.NewLine, rows.SelectMany(r =>
        {
            var where = $"{r.Pages:N0} pages in {(r.Spaces == 1 ? "one space" : $"{r.Spaces} spaces")}, +{r.Commits:N0} commits";
            var viewRatio = r.ViewBig.P50 / r.ViewSmall.P50;
            var historyRatio = r.History.P50 / r.ViewBig.P50;
            var rawRatio = r.SaveBig.P50 / r.Raw.P50;
            var smallRatio = r.SaveBig.P50 / r.SaveSmall.P50;
            var staticRatio = r.Views.RequestsPerSecond / r.Static.RequestsPerSecond;
            return new[]
            {
                $"| {where} | page view p50, big space / 10-page space | {r.ViewBig.P50:0.00} / {r.ViewSmall.P50:0.00} ms | **{viewRatio:0.00}×** | ≤ 1.2× | {Verdict(viewRatio, 1.2)} |",
                $"| | page history p50 / page view p50 | {r.History.P50:0.0} / {r.ViewBig.P50:0.00} ms | **{historyRatio:0.0}×** | ≤ 3× | {Verdict(historyRatio, 3)} |",
                $"| | save p50 over HTTP / raw LibGit2Sharp commit | {r.SaveBig.P50:0.00} / {r.Raw.P50:0.00} ms | **{rawRatio:0.00}×** | ≤ 2× | {Verdict(rawRatio, 2)} |",
                $"| | save p50, big space / 10-page space | {r.SaveBig.P50:0.00} / {r.SaveSmall.P50:0.00} ms | **{smallRatio:0.00}×** | ≤ 1.3× | {Verdict(smallRatio, 1.3)} |",
                $"| | warm page views/s / static file of {r.PageBytes / 1024.0:0.0} KB (wrk -t2 -c8) | {r.Views.RequestsPerSecond:N0} / {r.Static.RequestsPerSecond:N0} | **1/{r.Static.RequestsPerSecond / r.Views.RequestsPerSecond:0.0}** | ≥ 1/4 | {Verdict(staticRatio, 0.25, atMost: false)} |",
                $"| | cold start to the first page (indexes present and caught up), median of 3 | {string.Join(" / ", r.Restarts.Select(x => $"{x:0.00}"))} s | **{r.Restart:0.00} s** | ≤ 3 s | {Verdict(r.Restart, 3)} |",
                $"| | cold start to the first page (indexes behind by the further commits) | {r.ColdStart:0.00} s | | | |",
                $"| | rebuild of the history index from git (`cache/history.db` deleted) | {r.HistoryCommits:N0} commits | **{r.HistoryRebuild:0.0} s** | | |",
            };
        }));
        var growth = string.Join(Environment.NewLine, rows.Select(r =>
            $"| {r.Pages:N0} ({r.Spaces}) | {r.ViewBig.P50:0.00} | {r.ViewSmall.P50:0.00} | {r.History.P50:0.0} | {r.SaveBig.P50:0.00} | {r.SaveSmall.P50:0.00} | {r.Raw.P50:0.00} | {r.Views.RequestsPerSecond:N0} | {r.Static.RequestsPerSecond:N0} | {r.Restart:0.00} s | {r.ColdStart:0.00} s | {r.HistoryRebuild:0.0} s | {r.FirstStart:0} s |"));
        return $"""
            Each size is a data folder of N corpus pages in **one** space (`groot`, 100 pages per folder; from 100,000
            pages ten spaces `groot-0…9`) beside a space of 10 pages (`klein`), seeded by the server's first start,
            then the further commits written straight into the bare repository with LibGit2Sharp while the server was
            down (as pushes would arrive: each changes one random page of the big space), then the server started again
            (cold start: from starting the process to the first `200` of a signed-in page view; the index catches up
            on the commits afterwards, before anything is measured). One request at a time with a signed-in cookie
            ({samples * 3} page views of 200 warm pages of the big space interleaved with the 10 pages of the small one;
            {Math.Min(samples, 30)} page histories; {samples} saves `PUT /api/pages/…` with a bearer token into each space, the two
            spaces taking turns going first, each save sent once the server had caught up with the one before (its
            search index; as people’s saves are spaced), and after each pair a raw LibGit2Sharp commit of the big
            space's change — blob, trees along the path from the parent, commit, branch — into a copy of the same
            repository, in the benchmark's process). Throughput: `wrk -t2 -c8 -d{seconds}s`
            over the warm pages, then over one static file of the same size served by Kestrel (a minimal ASP.NET Core
            app with `UseStaticFiles`, Production) in the same run. Page history is read from the history index
            (`cache/history.db`). The cold start here is the worst case: the further commits arrived while the
            server was down, so the history and search indexes are that many commits behind and catch up in the
            background (a page's history and "last changed by" are read from git for the commits not indexed yet);
            the restarts at the end, with every index caught up, are the everyday case the target is about (three,
            each to a page not viewed since that start; the median counts). Then, with the server down,
            `cache/history.db` was deleted and the history index rebuilt from git in the benchmark's process.

            | data | ratio of p50s measured in this run | figures | ratio | target | |
            |---|---|---:|---:|---:|---|
            {targets}

            How it grows (p50 in ms unless noted):

            | pages (spaces) | view, big | view, small | history | save, big | save, small | raw commit | warm views/s | static file/s | restart, indexes caught up | start, indexes behind | history index rebuilt from git | first start (seed + index) |
            |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
            {growth}
            """;
    }
}
