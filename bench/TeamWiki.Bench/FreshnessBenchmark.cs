using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace TeamWiki.Bench;

/// <summary>
/// How soon a change shows, on a running server (the tests only check that it does): a page saved
/// through the API until a search finds it, and a page pushed from a git clone until the API serves it
/// (the server looks at the branch once a second by default, <c>TeamWiki:Storage:PollInterval</c>).
/// </summary>
public static class FreshnessBenchmark
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(30);

    public static async Task<string> RunAsync(ServerProcess server, string dataDirectory, int saves = 20, int pushes = 5)
    {
        using var http = new HttpClient { BaseAddress = server.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServerProcess.Token);

        var searchable = new List<double>();
        for (var i = 0; i < saves; i++)
        {
            var word = $"versheidsproef{i}x{Guid.NewGuid():n}"[..24];
            var watch = Stopwatch.StartNew();
            (await http.PutAsJsonAsync($"/api/pages/ruimte-00/versheid-{i}", new { markdown = $"# Versheid {i}\n\nHet woord {word} staat hier.\n" })).EnsureSuccessStatusCode();
            await UntilAsync(async () => (await http.GetFromJsonAsync<JsonElement>("/api/search?q=" + word)).GetProperty("total").GetInt32() > 0, $"'{word}' to be found");
            searchable.Add(watch.Elapsed.TotalMilliseconds);
        }

        var clone = Path.Combine(Path.GetTempPath(), "teamwiki-bench", "clone-" + Guid.NewGuid().ToString("n")[..8]);
        // No automatic gc in the clone: it runs detached after a commit and would still be writing objects when the clone is deleted.
        BenchCorpus.Run("git", $"clone -q -c gc.auto=0 \"{Path.Combine(dataDirectory, "wiki.git")}\" \"{clone}\"");
        var served = new List<double>();
        try
        {
            for (var i = 0; i < pushes; i++)
            {
                File.WriteAllText(Path.Combine(clone, "ruimte-01", $"gepusht-{i}.md"), $"# Gepusht {i}\n\nUit een kloon.\n");
                Git(clone, "add -A");
                Git(clone, $"commit -q -m \"Gepusht {i}\"");
                var watch = Stopwatch.StartNew();
                Git(clone, "push -q origin HEAD");
                await UntilAsync(async () => (await http.GetAsync($"/api/pages/ruimte-01/gepusht-{i}")).StatusCode == HttpStatusCode.OK, $"pushed page {i} to be served");
                served.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(clone, true);
            }
            catch (IOException)
            {
                // A leftover in /tmp is no reason to lose the figures.
            }
        }

        var save = new Stats(searchable);
        var push = new Stats(served);
        return $"""
            How soon a change shows (the tests check only that it does). {saves} pages saved one after another with
            `PUT /api/pages/…` and a search for a word only they contain repeated every 10 ms until it finds the page;
            {pushes} pages pushed from a `git clone` and `GET /api/pages/…` repeated until it answers 200 (the server
            looks at the branch once a second by default).

            | | p50 | max | claim |
            |---|---:|---:|---|
            | save → found by search | {save.P50:N0} ms | {save.Percentile(100):N0} ms | within a second |
            | `git push` returns → page served | {push.P50:N0} ms | {push.Percentile(100):N0} ms | within a second or two (README) |
            """;
    }

    private static void Git(string directory, string arguments)
    {
        var psi = new ProcessStartInfo("git", arguments) { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        psi.Environment["GIT_AUTHOR_NAME"] = psi.Environment["GIT_COMMITTER_NAME"] = "Bench";
        psi.Environment["GIT_AUTHOR_EMAIL"] = psi.Environment["GIT_COMMITTER_EMAIL"] = "bench@example.org";
        using var process = Process.Start(psi)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {arguments}: {error.Result}");
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > GiveUp)
            {
                throw new TimeoutException($"Gave up after {GiveUp.TotalSeconds:0} s waiting for {what}");
            }

            await Task.Delay(10);
        }
    }
}
