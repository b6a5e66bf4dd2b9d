using System.Diagnostics;
using System.Net;

namespace TeamWiki.Bench;

/// <summary>
/// The search API over HTTP on a server holding the same N pages (seeded into git and indexed by the
/// server itself): one signed-in client sends the queries one after another, so the figures are
/// latency, not throughput under load.
/// </summary>
public static class SearchHttpBenchmark
{
    public static async Task<(Stats Api, Stats Floor, double FirstStartSeconds)> RunAsync(int pageCount, IReadOnlyList<string> queries)
    {
        var source = BenchCorpus.Pages(pageCount);
        var data = Path.Combine(Path.GetTempPath(), "teamwiki-bench", "search-server-" + Guid.NewGuid().ToString("n")[..8]);
        try
        {
            using var server = await ServerProcess.StartAsync(data, source);
            var watch = Stopwatch.StartNew();
            await server.WaitUntilIndexedAsync(TimeSpan.FromMinutes(30));
            var firstStart = server.Startup.TotalSeconds + watch.Elapsed.TotalSeconds;
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

            var times = new List<double>();
            foreach (var q in queries)
            {
                var request = Stopwatch.StartNew();
                using var response = await http.GetAsync("/api/search?q=" + Uri.EscapeDataString(q));
                await response.Content.ReadAsByteArrayAsync();
                times.Add(request.Elapsed.TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{q}: {response.StatusCode}");
                }
            }

            return (new Stats(times), new Stats(floor), firstStart);
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
}
