using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace TeamWiki.Bench;

/// <summary>
/// The server with N pages: page views over HTTP with wrk (a signed-in reader), split into cold views
/// (pages not rendered since the server started) and warm views (pages already rendered and cached),
/// both over pages spread across the whole wiki; the server's memory after the run; how soon a save
/// and a push show (<see cref="FreshnessBenchmark"/>); and cold start:
/// from starting the process to the first page served.
/// </summary>
public static partial class HttpBenchmark
{
    private const int Threads = 2;
    private const int Rounds = 3;

    public static async Task<(string Views, string ColdStart, string Freshness)> RunAsync(int pageCount, int seconds)
    {
        var source = BenchCorpus.Pages(pageCount);
        var data = Path.Combine(Path.GetTempPath(), "teamwiki-bench", "server-" + Guid.NewGuid().ToString("n")[..8]);
        try
        {
            double firstStartSeconds;
            string cookie;
            var paths = BenchCorpus.PagePaths(source);
            // Three disjoint sets, each spread over the whole wiki (every space and folder): a few pages to
            // warm up the JIT, a fifth of the wiki for warm views, the rest (in a shuffled order) for cold views.
            var jit = paths.Where((_, i) => i % 50 == 7).ToList();
            var warm = paths.Where((_, i) => i % 5 == 1 && i % 50 != 7).ToList();
            var cold = paths.Where((_, i) => i % 5 != 1 && i % 50 != 7).OrderBy(p => StableHash(p)).ToList();
            var port = FreePort();
            using (var server = await ServerProcess.StartAsync(data, source, port))
            {
                var watch = Stopwatch.StartNew();
                await server.WaitUntilIndexedAsync(TimeSpan.FromMinutes(20));
                firstStartSeconds = server.Startup.TotalSeconds + watch.Elapsed.TotalSeconds;
                cookie = await server.SignInAsync();
                var afterStart = server.Memory();

                // Warm up the JIT on pages of their own, and render every page of the warm set once.
                Wrk(server.Address, Script(data, "jit", jit.Select(p => "/wiki/" + p)), cookie, 3, null);
                await ViewAllAsync(server.Address, cookie, warm);

                // Then cold and warm runs take turns, so a load spike on the shared machine hits both alike.
                // Each cold run walks its own slice of the cold list (each thread its own share), so no page is
                // asked twice; a run that would wrap around its slice is refused.
                var roundSeconds = Math.Max(2, seconds / Rounds);
                var slices = cold.Chunk((cold.Count + Rounds - 1) / Rounds).ToList();
                var coldRuns = new List<WrkResult>();
                var warmRuns = new List<WrkResult>();
                for (var round = 0; round < Rounds; round++)
                {
                    var run = Wrk(server.Address, Script(data, $"cold-{round}", slices[round].Select(p => "/wiki/" + p)), cookie, roundSeconds, null);
                    if (run.Requests > slices[round].Length)
                    {
                        throw new InvalidOperationException($"A cold run made {run.Requests} requests for {slices[round].Length} pages: some were warm. Use more pages or fewer seconds.");
                    }

                    coldRuns.Add(run);
                    warmRuns.Add(Wrk(server.Address, Script(data, $"warm-{round}", warm.Select(p => "/wiki/" + p)), cookie, roundSeconds, null));
                }

                var coldViews = Median(coldRuns);
                var warmViews = Median(warmRuns);
                var ratios = coldRuns.Zip(warmRuns, (c, w) => c.RequestsPerSecond / w.RequestsPerSecond).Order().ToList();
                var apiViews = Wrk(server.Address, Script(data, "api", warm.Select(p => "/api/pages/" + p)), null, seconds, ServerProcess.Token);
                var (rss, peak) = server.Memory();
                var viewSection = $"""
                    {pageCount:N0} pages in 10 spaces; a signed-in reader's cookie; `wrk -t{Threads} -c32 --latency` on the same
                    2 cores as the server. **Cold**: pages never rendered since the server started, each asked once, from a list
                    of {cold.Count:N0} pages of every space and folder in a shuffled order ({coldRuns.Sum(r => r.Requests):N0} pages in all).
                    **Warm**: {warm.Count:N0} pages spread over the whole wiki (every fifth), each viewed once before, so all rendered
                    and in the render cache, cycled through. A few other pages warmed up the JIT first. Cold and warm runs of
                    {roundSeconds} s took turns, {Rounds} of each; the table shows the run with the median rate.

                    | request | requests/s (target ≥ 1,000) | latency p50 | p99 |
                    |---|---:|---:|---:|
                    | cold page view `GET /wiki/{"{path}"}` (render, then HTML page) | **{coldViews.RequestsPerSecond:N0}** | {coldViews.P50} | {coldViews.P99} |
                    | warm page view `GET /wiki/{"{path}"}` (cached render, HTML page) | **{warmViews.RequestsPerSecond:N0}** | {warmViews.P50} | {warmViews.P99} |
                    | warm `GET /api/pages/{"{path}"}` with a bearer token ({seconds} s) | {apiViews.RequestsPerSecond:N0} | {apiViews.P50} | {apiViews.P99} |

                    Cold against warm, per pair of runs: {string.Join(", ", ratios.Select(r => $"{r:0.00}×"))} (median **{ratios[ratios.Count / 2]:0.00}×**).
                    Server memory (RSS): {afterStart.Now / 1e6:N0} MB after the first start and sign-in, **{rss / 1e6:N0} MB after the run**
                    (peak over the process's life {peak / 1e6:N0} MB).

                    First start on an empty data folder (seed {pageCount:N0} pages into git, build the index): {firstStartSeconds:0.0} s.
                    """;

                var freshness = await FreshnessBenchmark.RunAsync(server, data);
                server.Kill();
                var coldStarts = new List<double>();
                for (var i = 0; i < 3; i++)
                {
                    coldStarts.Add(await ColdStartAsync(data, port, cookie, cold[^(i + 1)]));
                }

                coldStarts.Sort();
                var coldSection = $"""
                    Restarting the server on a data folder with {pageCount:N0} pages (repository, database and index
                    present), measured from starting `dotnet TeamWiki.Web.dll` to the first `200` of a signed-in page
                    view; three runs: {string.Join(", ", coldStarts.Select(s => $"{s:0.00} s"))}.

                    | | median | target |
                    |---|---:|---:|
                    | cold start to the first served page | **{coldStarts[1]:0.00} s** | ≤ 3 s |
                    """;
                return (viewSection, coldSection, freshness);
            }
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
    /// A wrk script over <paramref name="urls"/>: thread n of the <see cref="Threads"/> asks urls n, n + Threads,
    /// n + 2·Threads, …, so the threads never ask the same page before the list wraps around.
    /// </summary>
    private static string Script(string folder, string name, IEnumerable<string> urls)
    {
        var file = Path.Combine(folder, name + ".lua");
        File.WriteAllText(file, "paths = {" + string.Join(",", urls.Select(u => $"\"{u}\"")) + "}\n" + $$"""
            counter = 0
            function setup(thread)
              thread:set("offset", counter)
              counter = counter + 1
            end
            function init(args)
              i = offset
            end
            request = function()
              local path = paths[(i % #paths) + 1]
              i = i + {{Threads}}
              return wrk.format("GET", path)
            end
            """);
        return file;
    }

    private static async Task ViewAllAsync(Uri address, string cookie, IReadOnlyList<string> pages)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = address };
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        await Parallel.ForEachAsync(pages, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (page, ct) =>
        {
            using var response = await http.GetAsync("/wiki/" + page, ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"/wiki/{page}: {response.StatusCode}");
            }
        });
    }

    private static WrkResult Median(IEnumerable<WrkResult> runs)
    {
        var sorted = runs.OrderBy(r => r.RequestsPerSecond).ToList();
        return sorted[sorted.Count / 2];
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked(hash * 31 + c);
        }

        return hash;
    }

    private static async Task<double> ColdStartAsync(string data, int port, string cookie, string path)
    {
        var watch = Stopwatch.StartNew();
        using var server = await ServerProcess.StartAsync(data, null, port);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.Address };
        while (true)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/wiki/" + path);
            request.Headers.Add("Cookie", cookie);
            try
            {
                var response = await http.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return watch.Elapsed.TotalSeconds;
                }

                throw new InvalidOperationException($"Cold start: {response.StatusCode}");
            }
            catch (HttpRequestException)
            {
                await Task.Delay(10);
            }
        }
    }

    private static WrkResult Wrk(Uri address, string script, string? cookie, int seconds, string? token)
    {
        var header = cookie is not null ? $"-H \"Cookie: {cookie}\"" : $"-H \"Authorization: Bearer {token}\"";
        var output = BenchCorpus.Run("wrk", $"-t{Threads} -c32 -d{seconds}s --latency {header} -s \"{script}\" {address}");
        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var requests = long.Parse(TotalRequests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var non2xx = Non2xx().Match(output);
        if (non2xx.Success)
        {
            throw new InvalidOperationException("wrk saw errors: " + output);
        }

        return new WrkResult(rps, requests, Latency(output, "50%"), Latency(output, "99%"));
    }

    private static string Latency(string output, string percentile) =>
        Regex.Match(output, $@"^\s*{Regex.Escape(percentile)}\s+(\S+)", RegexOptions.Multiline).Groups[1].Value;

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed record WrkResult(double RequestsPerSecond, long Requests, string P50, string P99);

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in ")]
    private static partial Regex TotalRequests();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xx();
}
