using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using LibGit2Sharp;

namespace TeamWiki.Bench;

/// <summary>
/// Does the wiki stay as fast as it grows? For each size: N pages in one space (10 spaces from 100,000)
/// beside a space of 10 pages, and then a number of further commits written straight into the
/// repository (as pushes would), the server started again on that data folder. Measured in the same run,
/// one request at a time unless noted: page views in the big and the small space, saves over HTTP in
/// both against a raw LibGit2Sharp commit of the same change into a copy of the same repository, page
/// history against page views, and warm page views/s against Kestrel serving a static file of the same size.
/// </summary>
public static class GrowthBenchmark
{
    public sealed record Row(int Pages, int Spaces, int Commits, double FirstStart, double ExtraCommitSeconds, double ColdStart, double Restart,
        Stats ViewBig, Stats ViewSmall, Stats History, Stats SaveBig, Stats SaveSmall, Stats Raw,
        GrowthWrk.Result Views, GrowthWrk.Result Static, int PageBytes);

    public static async Task<Row> MeasureAsync(int pages, int extraCommits, int samples, int seconds)
    {
        var (folder, big, small) = GrowthLayout.Build(pages);
        var data = Path.Combine(Path.GetTempPath(), "teamwiki-bench", "growth-server-" + Guid.NewGuid().ToString("n")[..8]);
        var random = new Random(pages);
        try
        {
            var port = GrowthWrk.FreePort();
            double firstStart;
            using (var seeding = await ServerProcess.StartAsync(data, folder, port))
            {
                var watch = Stopwatch.StartNew();
                await seeding.WaitUntilIndexedAsync(TimeSpan.FromMinutes(90));
                firstStart = seeding.Startup.TotalSeconds + watch.Elapsed.TotalSeconds;
            }

            // The further commits: each changes one page of the big space(s), written while the server is down.
            var git = Path.Combine(data, "wiki.git");
            var commitWatch = Stopwatch.StartNew();
            using (var repo = new Repository(git))
            {
                SameLibgit2Settings();
                for (var i = 0; i < extraCommits; i++)
                {
                    var path = big[random.Next(big.Count)];
                    RawCommit(repo, path + ".md", $"# Pagina {i}\n\nGewijzigd in commit {i}.\n");
                }
            }

            var extraSeconds = commitWatch.Elapsed.TotalSeconds;
            var rawCopy = Path.Combine(data, "raw-copy.git");
            BenchCorpus.Run("cp", $"-a \"{git}\" \"{rawCopy}\"");

            var coldWatch = Stopwatch.StartNew();
            using var server = await ServerProcess.StartAsync(data, null, port);
            var cookie = await FirstPageAsync(server, big[0], coldWatch);
            var coldStart = coldWatch.Elapsed.TotalSeconds;
            await server.WaitUntilIndexedAsync(TimeSpan.FromMinutes(30));

            // A browser's cookie jar: the sign-in cookie is renewed when its security stamp is checked (once a
            // minute), as a browser would keep it; replaying a stale cookie would make every view check it.
            var jar = new CookieContainer();
            foreach (var pair in cookie.Split("; ", StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=');
                jar.Add(server.Address, new Cookie(pair[..eq], pair[(eq + 1)..]));
            }

            using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(5) };
            using var api = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(5) };
            api.DefaultRequestHeaders.Authorization = new("Bearer", ServerProcess.Token);

            // Warm: a spread of the big space's pages and all of the small one's, each viewed once.
            var warmBig = big.Where((_, i) => i % Math.Max(1, big.Count / 200) == 3).Take(200).ToList();
            foreach (var page in warmBig.Concat(small).Concat(warmBig))
            {
                await TimeAsync(http, "/wiki/" + page);
            }

            var viewBig = new List<double>();
            var viewSmall = new List<double>();
            for (var i = 0; i < samples * 3; i++)
            {
                viewBig.Add(await TimeAsync(http, "/wiki/" + warmBig[i % warmBig.Count]));
                viewSmall.Add(await TimeAsync(http, "/wiki/" + small[i % small.Count]));
            }

            var history = new List<double>();
            for (var i = 0; i < Math.Min(samples, 30); i++)
            {
                history.Add(await TimeAsync(http, "/history/" + warmBig[(i * 7) % warmBig.Count]));
            }

            var saveBig = new List<double>();
            var saveSmall = new List<double>();
            var raw = new List<double>();
            using (var copy = new Repository(rawCopy))
            {
                // Each save is measured on a server that has finished with the one before (the index and the
                // activity have caught up), as saves by people are spaced; the two spaces take turns going first.
                for (var i = -5; i < samples; i++)
                {
                    var bigPage = big[random.Next(big.Count)];
                    var text = $"# Bewerkt {i}\n\nTekst van bewerking {i} van {bigPage}.\n";
                    var smallPage = small[random.Next(small.Count)];
                    var smallText = $"# Klein {i}\n\nTekst {i}.\n";
                    double ours, oursSmall;
                    if (i % 2 == 0)
                    {
                        ours = await SaveAsync(api, bigPage, text);
                        await server.WaitUntilIndexedAsync(TimeSpan.FromMinutes(5));
                        oursSmall = await SaveAsync(api, smallPage, smallText);
                    }
                    else
                    {
                        oursSmall = await SaveAsync(api, smallPage, smallText);
                        await server.WaitUntilIndexedAsync(TimeSpan.FromMinutes(5));
                        ours = await SaveAsync(api, bigPage, text);
                    }

                    await server.WaitUntilIndexedAsync(TimeSpan.FromMinutes(5));
                    var rawWatch = Stopwatch.StartNew();
                    RawCommit(copy, bigPage + ".md", text);
                    var rawMs = rawWatch.Elapsed.TotalMilliseconds;
                    if (i >= 0)
                    {
                        saveBig.Add(ours);
                        raw.Add(rawMs);
                        saveSmall.Add(oursSmall);
                    }
                }
            }

            // Throughput: warm page views with wrk, then Kestrel serving a static file of the same size.
            var html = await http.GetByteArrayAsync("/wiki/" + warmBig[0]);
            // wrk replays one cookie: sign in afresh so it stays within the stamp's check interval for the run.
            var views = GrowthWrk.Run(server.Address, GrowthWrk.Script(data, "views", warmBig.Select(p => "/wiki/" + p)), await server.SignInAsync(), seconds);
            var statics = await GrowthWrk.StaticAsync(data, html.Length, seconds);

            // A restart with every index caught up (the everyday case): stop, start, first page.
            server.Dispose();
            var restartWatch = Stopwatch.StartNew();
            using (var again = await ServerProcess.StartAsync(data, null, port))
            {
                await FirstPageAsync(again, big[0], restartWatch);
            }

            var restart = restartWatch.Elapsed.TotalSeconds;
            return new Row(pages, GrowthLayout.SpacesFor(pages), extraCommits, firstStart, extraSeconds, coldStart, restart,
                new Stats(viewBig), new Stats(viewSmall), new Stats(history), new Stats(saveBig), new Stats(saveSmall), new Stats(raw),
                views, statics, html.Length);
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

    /// <summary>Polls until the restarted server serves a signed-in page view; signs in on the way.</summary>
    private static async Task<string> FirstPageAsync(ServerProcess server, string page, Stopwatch since)
    {
        // The first view after a start with indexes far behind waits for them (over 100 s, HttpClient's default, on a busy machine).
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(10) };
        var cookie = await server.SignInAsync();
        while (since.Elapsed < TimeSpan.FromMinutes(10))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/wiki/" + page);
            request.Headers.Add("Cookie", cookie);
            using var response = await http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return cookie;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("The restarted server served no page");
    }

    private static async Task<double> TimeAsync(HttpClient http, string url)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(url);
        _ = await response.Content.ReadAsByteArrayAsync();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{url}: {response.StatusCode}");
        }

        return elapsed;
    }

    private static async Task<double> SaveAsync(HttpClient api, string page, string text)
    {
        var watch = Stopwatch.StartNew();
        using var response = await api.PutAsJsonAsync("/api/pages/" + page, new { markdown = text, message = "bench edit" });
        _ = await response.Content.ReadAsByteArrayAsync();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"save {page}: {response.StatusCode}");
        }

        return elapsed;
    }

    /// <summary>
    /// The raw side runs with the libgit2 settings TeamWiki uses (trees cached, no existence check of every
    /// entry of a tree written): the same library doing the least it can, not a slower configuration of it.
    /// </summary>
    public static void SameLibgit2Settings()
    {
        if (Libgit2Options(6, 2, 8 * 1024 * 1024) < 0 || Libgit2Options(7, 96 * 1024 * 1024) < 0 || Libgit2Options(14, 0) < 0)
        {
            throw new InvalidOperationException("git_libgit2_opts failed");
        }
    }

    [System.Runtime.InteropServices.DllImport("git2-5853918", EntryPoint = "git_libgit2_opts")]
    private static extern int Libgit2Options(int option, int type, nuint size);

    [System.Runtime.InteropServices.DllImport("git2-5853918", EntryPoint = "git_libgit2_opts")]
    private static extern int Libgit2Options(int option, nint value);

    /// <summary>The least libgit2 does for one page: blob, the trees along its path (TreeDefinition from the parent), commit, move the branch.</summary>
    public static void RawCommit(Repository repo, string path, string text)
    {
        var head = repo.Head.Tip;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var blob = repo.ObjectDatabase.CreateBlob(stream);
        var definition = TreeDefinition.From(head.Tree);
        definition.Add(path, blob, Mode.NonExecutableFile);
        var tree = repo.ObjectDatabase.CreateTree(definition);
        var signature = new Signature("Bench Mark", "bench@example.org", DateTimeOffset.Now);
        var commit = repo.ObjectDatabase.CreateCommit(signature, signature, "bench", tree, [head], true);
        repo.Refs.UpdateTarget(repo.Refs["refs/heads/main"], commit.Id, "bench");
    }
}
