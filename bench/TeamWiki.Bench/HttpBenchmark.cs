using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace TeamWiki.Bench;

/// <summary>
/// The server with N pages: page views over HTTP with wrk (a signed-in reader cycling through 200
/// pages), and cold start: from starting the process to the first page served.
/// </summary>
public static partial class HttpBenchmark
{
    public static async Task<(string Views, string ColdStart)> RunAsync(int pageCount, int seconds)
    {
        var source = BenchCorpus.Pages(pageCount);
        var data = Path.Combine(Path.GetTempPath(), "teamwiki-bench", "server-" + Guid.NewGuid().ToString("n")[..8]);
        try
        {
            double firstStartSeconds;
            string cookie;
            var paths = BenchCorpus.PagePaths(source);
            var sample = Enumerable.Range(0, 200).Select(i => paths[i * paths.Count / 200]).ToList();
            var port = FreePort();
            using (var server = await ServerProcess.StartAsync(data, source, port))
            {
                var watch = Stopwatch.StartNew();
                await server.WaitUntilIndexedAsync(TimeSpan.FromMinutes(20));
                firstStartSeconds = server.Startup.TotalSeconds + watch.Elapsed.TotalSeconds;
                cookie = await server.SignInAsync();
                var script = Path.Combine(data, "pages.lua");
                File.WriteAllText(script, "paths = {" + string.Join(",", sample.Select(p => $"\"/wiki/{p}\"")) + "}\n" +
                    "i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n");
                var api = Path.Combine(data, "api.lua");
                File.WriteAllText(api, "paths = {" + string.Join(",", sample.Select(p => $"\"/api/pages/{p}\"")) + "}\n" +
                    "i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n");

                // Warm up (JIT, render cache), then measure.
                Wrk(server.Address, script, cookie, 3, null);
                var views = Wrk(server.Address, script, cookie, seconds, null);
                var apiViews = Wrk(server.Address, api, null, seconds, ServerProcess.Token);
                var viewSection = $"""
                    {pageCount:N0} pages; a signed-in reader's cookie; wrk cycles through 200 different pages
                    (`wrk -t2 -c32 -d{seconds}s --latency`, on the same 2 cores as the server).

                    | request | requests/s (target ≥ 1,000) | latency p50 | p99 |
                    |---|---:|---:|---:|
                    | page view `GET /wiki/{"{path}"}` (rendered HTML page) | **{views.RequestsPerSecond:N0}** | {views.P50} | {views.P99} |
                    | `GET /api/pages/{"{path}"}` with a bearer token | {apiViews.RequestsPerSecond:N0} | {apiViews.P50} | {apiViews.P99} |

                    First start on an empty data folder (seed {pageCount:N0} pages into git, build the index): {firstStartSeconds:0.0} s.
                    """;

                server.Kill();
                var coldStarts = new List<double>();
                for (var i = 0; i < 3; i++)
                {
                    coldStarts.Add(await ColdStartAsync(data, port, cookie, sample[i * 50]));
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
                return (viewSection, coldSection);
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
        var output = BenchCorpus.Run("wrk", $"-t2 -c32 -d{seconds}s --latency {header} -s \"{script}\" {address}");
        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var non2xx = Non2xx().Match(output);
        if (non2xx.Success)
        {
            throw new InvalidOperationException("wrk saw errors: " + output);
        }

        return new WrkResult(rps, Latency(output, "50%"), Latency(output, "99%"));
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

    private sealed record WrkResult(double RequestsPerSecond, string P50, string P99);

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xx();
}
