using System.Diagnostics;
using LibGit2Sharp;

namespace TeamWiki.Bench;

/// <summary>
/// Where a restart's time goes, on a data folder made once and kept (the growth benchmark's layout: N pages,
/// then further commits written straight into the repository, the server started again until every index
/// caught up). Each restart is timed to "Now listening", to the sign-in form, and to the first signed-in
/// page view; the server's own log of its start (Information level) is echoed for the breakdown.
/// </summary>
public static class StartupBenchmark
{
    /// <summary>A data folder with <paramref name="pages"/> pages and <paramref name="commits"/> further commits, indexes caught up; made once.</summary>
    public static async Task<(string Data, IReadOnlyList<string> BigPages)> PrepareAsync(int pages, int commits)
    {
        var (folder, big, _) = GrowthLayout.Build(pages);
        var data = Path.Combine(Path.GetTempPath(), "teamwiki-bench", $"startup-{pages}-{commits}");
        var done = Path.Combine(data, ".complete");
        if (File.Exists(done))
        {
            return (data, big);
        }

        if (Directory.Exists(data))
        {
            Directory.Delete(data, true);
        }

        using (var seeding = await ServerProcess.StartAsync(data, folder))
        {
            await seeding.WaitUntilIndexedAsync(TimeSpan.FromMinutes(90));
        }

        var random = new Random(pages);
        using (var repo = new Repository(Path.Combine(data, "wiki.git")))
        {
            GrowthBenchmark.SameLibgit2Settings();
            for (var i = 0; i < commits; i++)
            {
                GrowthBenchmark.RawCommit(repo, big[random.Next(big.Count)] + ".md", $"# Pagina {i}\n\nGewijzigd in commit {i}.\n");
            }
        }

        using (var catchingUp = await ServerProcess.StartAsync(data, null))
        {
            await catchingUp.WaitUntilIndexedAsync(TimeSpan.FromMinutes(90));
            // The history index catches up beside the search index; a page history waits for it.
            await catchingUp.SignInAsync();
        }

        File.WriteAllText(done, "");
        return (data, big);
    }

    /// <summary>The one-minute load average (other work on the machine slows every wall time).</summary>
    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>Restarts the server <paramref name="restarts"/> times and prints where each start went.</summary>
    public static async Task<string> RunAsync(int pages, int commits, int restarts, bool rebuildHistory = true)
    {
        var (data, big) = await PrepareAsync(pages, commits);
        var rows = new List<string>();
        var environment = new Dictionary<string, string>
        {
            ["Logging__LogLevel__TeamWiki"] = "Information",
            ["Logging__LogLevel__TeamWiki.Storage"] = "Information",
            ["Logging__LogLevel__TeamWiki.Web"] = "Information",
        };
        // Indexes present means caught up by this build: a data folder kept from an older build may hold a search
        // index of another schema, which the server would rebuild in the background of every measured restart.
        using (var catchingUp = await ServerProcess.StartAsync(data, null))
        {
            await catchingUp.WaitUntilIndexedAsync(TimeSpan.FromMinutes(90));
        }

        var seconds = new List<double>();
        // Restart 0 without the catalog kept on disk (as the first start after an upgrade): the tree is listed
        // and every page read; it writes the file the measured restarts then start from.
        // The link graph is kept beside it (cache/links.bin) and deleted with it.
        var catalogFile = Path.Combine(data, "cache", "catalog.bin");
        var linksFile = Path.Combine(data, "cache", "links.bin");
        File.Delete(catalogFile);
        File.Delete(linksFile);
        for (var i = 0; i <= restarts; i++)
        {
            var load = LoadAverage();
            var watch = Stopwatch.StartNew();
            using var server = await ServerProcess.StartAsync(data, null, 0, environment, echo: true);
            var listening = watch.Elapsed.TotalSeconds;
            // Each restart views another page, one not viewed since the data folder was made (no kept HTML helps).
            await GrowthBenchmark.FirstPageAsync(server, big[(i + 1) % big.Count], watch);
            var first = watch.Elapsed.TotalSeconds;
            // On a shared machine wall time follows the load; the server's own CPU time up to the first page does not.
            var cpu = server.CpuTime().TotalSeconds;
            var label = i == 0 ? "0 (no kept catalog)" : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            rows.Add($"| {label} | {listening:0.00} s | {first:0.00} s | {cpu:0.00} s | {load} → {LoadAverage()} |");
            Console.WriteLine(rows[^1]);
            if (i == 0)
            {
                var deadline = DateTime.UtcNow.AddMinutes(10);
                while (!(File.Exists(catalogFile) && File.Exists(linksFile)) && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(500);
                }

                if (!File.Exists(catalogFile) || !File.Exists(linksFile))
                {
                    throw new InvalidOperationException($"the server wrote no {catalogFile} or {linksFile} within 10 minutes");
                }
            }
            else
            {
                seconds.Add(first);
            }
        }

        var rebuildLoad = LoadAverage();
        var (rebuild, rebuilt) = rebuildHistory ? GrowthBenchmark.RebuildHistoryIndex(data) : (double.NaN, 0);
        var median = seconds.Order().ElementAt(seconds.Count / 2);
        return $"""
            Data folder {data}: {pages:N0} pages, +{commits:N0} commits, indexes caught up; server run from
            {ServerProcess.ServerDirectory}. Median to the first page (restarts 1–{restarts}, from the kept catalog): {median:0.00} s. History index rebuilt from
            git afterwards: {rebuilt:N0} commits in {rebuild:0.0} s (load average {rebuildLoad} → {LoadAverage()}).

            | restart | to "Now listening" | to the first signed-in page view | server CPU to then | load average |
            |---:|---:|---:|---:|---:|
            {string.Join(Environment.NewLine, rows)}
            """;
    }
}
