using System.Net;

namespace TeamWiki.Bench;

/// <summary>
/// The growth benchmark's throughput row on its own, quicker and steadier: warm signed-in page views/s
/// against Kestrel serving a static file of the same size, on the growth layout's data (first start only,
/// no further commits), in several rounds that take turns so both sides meet the same load on a shared
/// machine; the median ratio counts. Also the server's CPU time per page view during its runs.
/// </summary>
public static class WarmViewsBenchmark
{
    public sealed record Round(GrowthWrk.Result Views, GrowthWrk.Result Static, double CpuMsPerView);

    public sealed record Row(int Pages, int PageBytes, IReadOnlyList<Round> Rounds)
    {
        public Round Median => Rounds.OrderBy(r => r.Views.RequestsPerSecond / r.Static.RequestsPerSecond).ElementAt(Rounds.Count / 2);
    }

    public static async Task<Row> MeasureAsync(int pages, int rounds, int seconds)
    {
        var (folder, big, _) = GrowthLayout.Build(pages);
        var data = Path.Combine(Path.GetTempPath(), "teamwiki-bench", "views-server-" + Guid.NewGuid().ToString("n")[..8]);
        try
        {
            using var server = await ServerProcess.StartAsync(data, folder, GrowthWrk.FreePort());
            await server.WaitUntilIndexedAsync(TimeSpan.FromMinutes(90));
            var warm = big.Where((_, i) => i % Math.Max(1, big.Count / 200) == 3).Take(200).Select(p => "/wiki/" + p).ToList();
            var script = GrowthWrk.Script(data, "views", warm);
            var results = new List<Round>();
            var bytes = 0;
            for (var round = 0; round < rounds; round++)
            {
                // A fresh sign-in per round: wrk replays one cookie, which must stay within the stamp check's interval.
                var cookie = await server.SignInAsync();
                using (var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = server.Address })
                {
                    foreach (var page in warm)
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Get, page);
                        request.Headers.Add("Cookie", cookie);
                        using var response = await http.SendAsync(request);
                        var body = await response.Content.ReadAsByteArrayAsync();
                        if (response.StatusCode != HttpStatusCode.OK)
                        {
                            throw new InvalidOperationException($"{page}: {response.StatusCode}");
                        }

                        bytes = page == warm[0] ? body.Length : bytes;
                    }
                }

                var cpu = server.CpuTime();
                var views = GrowthWrk.Run(server.Address, script, cookie, seconds);
                var cpuMs = (server.CpuTime() - cpu).TotalMilliseconds / (views.RequestsPerSecond * seconds);
                var statics = await GrowthWrk.StaticAsync(data, bytes, seconds);
                results.Add(new Round(views, statics, cpuMs));
                Console.WriteLine($"  round {round + 1}: {views.RequestsPerSecond:N0} views/s, static {statics.RequestsPerSecond:N0}/s, {cpuMs:0.00} ms CPU per view");
            }

            return new Row(pages, bytes, results);
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

    public static string Format(IReadOnlyList<Row> rows, int rounds, int seconds)
    {
        var lines = string.Join(Environment.NewLine, rows.Select(r =>
        {
            var m = r.Median;
            var ratio = m.Static.RequestsPerSecond / m.Views.RequestsPerSecond;
            var each = string.Join(", ", r.Rounds.Select(x => $"1/{x.Static.RequestsPerSecond / x.Views.RequestsPerSecond:0.0}"));
            return $"| {r.Pages:N0} | {r.PageBytes / 1024.0:0.0} KB | {m.Views.RequestsPerSecond:N0} ({m.Views.P50}) | {m.Static.RequestsPerSecond:N0} ({m.Static.P50}) | **1/{ratio:0.0}** | {each} | {m.CpuMsPerView:0.00} ms | {(ratio <= 4 ? "met" : "**missed**")} |";
        }));
        return $"""
            The growth benchmark's throughput row alone (`growth` measures it once per size after everything else):
            the growth layout's N pages in one space, seeded by the server's first start; 200 pages of the big space
            viewed once each with a fresh sign-in cookie, then `wrk -t2 -c8 -d{seconds}s` over them with that cookie,
            then over one static file of the same size from a minimal Kestrel app (`UseStaticFiles`, Production) in the
            benchmark's process; {rounds} rounds taking turns, the round with the median ratio shown. CPU per view is
            the server process's CPU time during its wrk run over the views served (both cores, GC included).

            | pages | page size | warm page views/s (p50) | static file/s (p50) | ratio (target ≥ 1/4) | each round | server CPU per view | |
            |---:|---:|---:|---:|---:|---|---:|---|
            {lines}
            """;
    }
}
