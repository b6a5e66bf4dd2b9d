using System.Diagnostics;
using System.Net;
using TeamWiki.Search.Analysis;

namespace TeamWiki.Bench;

/// <summary>
/// The search API over HTTP on a server holding the same N pages (seeded into git and indexed by the
/// server itself): one signed-in client sends the queries one after another, so the figures are
/// latency, not throughput under load. After each request the same query runs as raw Lucene
/// (<see cref="RawLucene"/>: same semantics, bare and with the same snippet work) on a reader of the
/// server's own index folder, so the API's overhead is measured against the same index, query by query.
/// </summary>
public static class SearchHttpBenchmark
{
    public sealed record Result(Stats Api, Stats Floor, Stats RawBare, Stats RawWithSnippets, int RawDocuments, double FirstStartSeconds, int SameTopTen = 0);

    public static async Task<Result> RunAsync(int pageCount, IReadOnlyList<string> queries, WikiAnalyzers analyzers)
    {
        var source = BenchCorpus.Pages(pageCount);
        var data = Path.Combine(Path.GetTempPath(), "teamwiki-bench", "search-server-" + Guid.NewGuid().ToString("n")[..8]);
        try
        {
            using var server = await ServerProcess.StartAsync(data, source);
            var watch = Stopwatch.StartNew();
            await server.WaitUntilIndexedAsync(TimeSpan.FromMinutes(30));
            var firstStart = server.Startup.TotalSeconds + watch.Elapsed.TotalSeconds;
            return await Measure(server, data, queries, analyzers, firstStart);
        }
        finally
        {
            try
            {
                Directory.Delete(data, true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>
    /// Times <c>GET /api/search</c> on a running <paramref name="server"/> (signed in, one connection, after a
    /// warm-up), each request followed by the same query as raw Lucene on a reader of the server's index folder.
    /// </summary>
    /// With <paramref name="ranked"/> the raw query is the one TeamWiki builds itself, ranking tiers included
    /// (<see cref="RawLucene.BuildRanked"/>), so both produce the same results page; the count of queries whose
    /// top ten paths were the same over HTTP and raw is in <see cref="Result.SameTopTen"/>.
    public static async Task<Result> Measure(ServerProcess server, string data, IReadOnlyList<string> queries, WikiAnalyzers analyzers, double firstStart, bool ranked = false)
    {
        var cookie = await server.SignInAsync();
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 1 }) { BaseAddress = server.Address };
        http.DefaultRequestHeaders.Add("Cookie", cookie);

        // A server that just indexed everything is still merging segments in the background: let it
        // settle, then warm up (JIT tiers, caches) before measuring.
        await Task.Delay(TimeSpan.FromSeconds(30));
        foreach (var q in queries.Take(200))
        {
            (await http.GetAsync("/api/search?q=" + Uri.EscapeDataString(q))).EnsureSuccessStatusCode();
        }

        var floor = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var call = Stopwatch.StartNew();
            using var me = await http.GetAsync("/api/me");
            await me.Content.ReadAsByteArrayAsync();
            floor.Add(call.Elapsed.TotalMilliseconds);
        }

        using var raw = new RawLucene(Path.Combine(data, "index"), analyzers);
        var built = queries.Select(q => ranked ? raw.BuildRanked(q) : raw.Build(q)).ToList();
        for (var i = 0; i < Math.Min(50, queries.Count); i++)
        {
            raw.Bare(built[i]);
            raw.WithSnippets(built[i], queries[i]);
        }

        var times = new List<double>();
        var bare = new List<double>();
        var snippets = new List<double>();
        var same = 0;
        for (var i = 0; i < queries.Count; i++)
        {
            var request = Stopwatch.StartNew();
            using var response = await http.GetAsync("/api/search?q=" + Uri.EscapeDataString(queries[i]));
            var json = await response.Content.ReadAsByteArrayAsync();
            times.Add(request.Elapsed.TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{queries[i]}: {response.StatusCode}");
            }

            var local = Stopwatch.StartNew();
            var paths = raw.Bare(built[i]);
            bare.Add(local.Elapsed.TotalMilliseconds);
            local.Restart();
            raw.WithSnippets(built[i], queries[i]);
            snippets.Add(local.Elapsed.TotalMilliseconds);
            var shown = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("path").GetString());
            if (shown.SequenceEqual(paths))
            {
                same++;
            }
        }

        return new Result(new Stats(times), new Stats(floor), new Stats(bare), new Stats(snippets), raw.Documents, firstStart, same);
    }
}
