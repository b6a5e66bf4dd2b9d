using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TeamWiki.Storage.Git;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Api;

/// <summary>
/// A clone pushes into the wiki's repository while saves arrive over HTTP, to the page the pushes change
/// and to other pages. The wiki's commit must notice that the branch moved under it (the retry path),
/// merge, and lose nothing; the pushed pages must reach search, the catalog and activity.
/// </summary>
public class PushRacingSavesTests(TeamWikiFactory factory) : IClassFixture<TeamWikiFactory>
{
    private const string Shared = "kennisbank/race-gedeeld";
    private const int MinPushes = 3;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task APushRacingHttpSavesLosesNothingTakesTheRetryPathAndReachesSearchCatalogAndActivity()
    {
        var api = factory.AdminClient();
        Assert.Equal(HttpStatusCode.Created, (await api.PutPageAsync(Shared,
            "# Race\n\n## Web\n\n<!-- einde web -->\n\n## Push\n\n<!-- einde push -->\n")).StatusCode);
        var repository = factory.Services.GetRequiredService<GitContentRepository>();
        var retriesBefore = repository.CommitRetries;
        var gitDirectory = Path.Combine(factory.DataDirectory, "wiki.git");
        HoldTheBranchLockDuringPushes(gitDirectory);
        var acknowledged = new ConcurrentBag<(string Page, string Revision, string? Line)>();
        var pushed = new ConcurrentBag<(string Commit, string Page, string Line)>();
        var pace = new Pace();
        using var timeout = new CancellationTokenSource(Deadline);

        var pusher = Task.Run(() => Push(gitDirectory, pushed, pace, () => repository.CommitRetries > retriesBefore, timeout.Token));
        var sameAsPush = Task.Run(() => SaveSharedPage(acknowledged, pace, () => pusher.IsCompleted, timeout.Token));
        var otherPages = Task.Run(() => SaveOtherPages(acknowledged, pace, () => pusher.IsCompleted, timeout.Token));
        await Task.WhenAll(pusher, sameAsPush, otherPages);

        Assert.True(repository.CommitRetries > retriesBefore, "no save had to be redone after a push");
        var onBranch = Git("rev-list main", gitDirectory).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        Assert.All(acknowledged, a => Assert.Contains(a.Revision, onBranch));
        Assert.All(pushed, p => Assert.Contains(p.Commit, onBranch));
        var shared = (await (await api.GetAsync($"/api/pages/{Shared}")).ReadJsonAsync()).Str("markdown");
        Assert.All(acknowledged.Where(a => a.Line is not null), a => Assert.Contains(a.Line + "\n", shared));
        Assert.All(pushed, p => Assert.Contains(p.Line + "\n", shared));
        foreach (var (page, _, _) in acknowledged.Where(a => a.Line is null))
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/pages/{page}")).StatusCode);
        }

        Assert.DoesNotContain("error", Git("fsck --full --strict --no-dangling", gitDirectory), StringComparison.OrdinalIgnoreCase);

        // The pushed pages reach everything that follows the branch.
        var last = pushed.OrderBy(p => p.Page, StringComparer.Ordinal).Last().Page;
        var title = "Gepusht " + last[(last.LastIndexOf('-') + 1)..];
        await WaitFor("the catalog (tree) to list " + last, async () =>
            (await api.GetStringAsync("/api/tree?space=kennisbank")).Contains($"\"{last}\""));
        await WaitFor("search to find " + last, async () =>
            (await (await api.GetAsync("/api/search?q=vuurtorenwachter&limit=100")).ReadJsonAsync())
                .GetProperty("items").EnumerateArray().Any(i => i.Str("path") == last));
        await WaitFor("activity to show " + last, async () =>
            (await (await api.GetAsync("/api/activity?space=kennisbank&limit=100")).ReadJsonAsync())
                .GetProperty("items").EnumerateArray().Any(i => i.GetProperty("title").GetString() == title));
    }

    /// <summary>Appends lines to the web section of the page the pushes also change, from the revision it read.</summary>
    private async Task SaveSharedPage(ConcurrentBag<(string, string, string?)> acknowledged, Pace pace, Func<bool> done, CancellationToken timeout)
    {
        var api = factory.AdminClient();
        for (var i = 0; !done(); i++)
        {
            var line = $"- via het web {i}";
            while (true)
            {
                timeout.ThrowIfCancellationRequested();
                var current = await (await api.GetAsync($"/api/pages/{Shared}", timeout)).ReadJsonAsync();
                var text = current.Str("markdown").Replace("\n<!-- einde web -->", $"\n{line}\n<!-- einde web -->");
                var response = await api.PutPageAsync(Shared, text, current.Str("revision"));
                if (response.StatusCode == HttpStatusCode.Conflict)
                {
                    continue; // adjacent to a concurrent edit: read again and redo it
                }

                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                acknowledged.Add((Shared, (await response.ReadJsonAsync()).Str("revision"), line));
                break;
            }

            await Task.Delay(Random.Shared.Next(0, pace.Milliseconds), timeout);
        }
    }

    private async Task SaveOtherPages(ConcurrentBag<(string, string, string?)> acknowledged, Pace pace, Func<bool> done, CancellationToken timeout)
    {
        var api = factory.AdminClient();
        for (var i = 0; !done(); i++)
        {
            var page = $"kennisbank/race-ander-{i}";
            var response = await api.PutPageAsync(page, $"Ander blad {i}.\n");
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            acknowledged.Add((page, (await response.ReadJsonAsync()).Str("revision"), null));
            await Task.Delay(Random.Shared.Next(0, pace.Milliseconds), timeout);
        }
    }

    /// <summary>
    /// Pushes until at least <see cref="MinPushes"/> were accepted and a save had to be redone because
    /// of one. Each push adds a page and a line to the push section of the shared page; a rejected push
    /// is redone on the new tip, as a person would.
    /// </summary>
    private static void Push(string gitDirectory, ConcurrentBag<(string, string, string)> pushed, Pace pace, Func<bool> retried, CancellationToken timeout)
    {
        var clone = Path.Combine(Path.GetTempPath(), "teamwiki-web-tests", "race-clone-" + Guid.NewGuid().ToString("n"));
        // --shared: the clone sees the wiki's objects, so a fetch transfers nothing and the time between
        // fetching the tip and pushing on top of it (when the branch must stand still) stays short.
        Git($"clone -q --shared \"{gitDirectory}\" \"{clone}\"", Path.GetTempPath());
        try
        {
            for (var i = 0; pushed.Count < MinPushes || !retried(); i++)
            {
                var page = $"kennisbank/gepusht-{i:D3}";
                var line = $"- gepusht {i}";
                while (true)
                {
                    timeout.ThrowIfCancellationRequested();
                    Git("fetch -q origin", clone);
                    Git("reset -q --hard origin/main", clone);
                    File.WriteAllText(Path.Combine(clone, page + ".md"), $"---\ntitle: Gepusht {i:D3}\n---\n\nDe vuurtorenwachter pushte dit, nummer {i}.\n");
                    var sharedFile = Path.Combine(clone, Shared + ".md");
                    File.WriteAllText(sharedFile, File.ReadAllText(sharedFile).Replace("\n<!-- einde push -->", $"\n{line}\n<!-- einde push -->"));
                    Git("add -A", clone);
                    Git($"commit -q -m \"Gepusht {i}\"", clone);
                    var (exit, output) = TryGit("push -q origin main", clone);
                    if (exit == 0)
                    {
                        pushed.Add((Git("rev-parse HEAD", clone).Trim(), page, line));
                        pace.Faster();
                        break;
                    }

                    Assert.Contains("rejected]", output);
                    pace.Slower(); // the branch moved since the fetch: slow the savers down a little
                }
            }
        }
        finally
        {
            try
            {
                Directory.Delete(clone, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>
    /// A git hook in this test's repository (libgit2, and so the wiki, runs no hooks): once a push has
    /// locked the branch and checked it, git waits a second before moving it, as a slow disk or a busy
    /// server might. Saves that arrive meanwhile find the branch locked, and then moved: the retry path.
    /// </summary>
    private static void HoldTheBranchLockDuringPushes(string gitDirectory)
    {
        var hook = Path.Combine(gitDirectory, "hooks", "reference-transaction");
        Directory.CreateDirectory(Path.GetDirectoryName(hook)!);
        File.WriteAllText(hook, "#!/bin/sh\ncat >/dev/null\nif [ \"$1\" = prepared ]; then sleep 1; fi\nexit 0\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static async Task WaitFor(string what, Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"Timed out waiting for {what}");
            await Task.Delay(100);
        }
    }

    private static string Git(string arguments, string directory)
    {
        var (exit, output) = TryGit(arguments, directory);
        Assert.True(exit == 0, $"git {arguments}: {output}");
        return output;
    }

    private static (int Exit, string Output) TryGit(string arguments, string directory)
    {
        var psi = new ProcessStartInfo("git", arguments) { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        psi.Environment["GIT_AUTHOR_NAME"] = psi.Environment["GIT_COMMITTER_NAME"] = "Vim Gebruiker";
        psi.Environment["GIT_AUTHOR_EMAIL"] = psi.Environment["GIT_COMMITTER_EMAIL"] = "vim@example.org";
        using var process = Process.Start(psi)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    /// <summary>
    /// The longest pause between two saves. A push is accepted only when no save moved the branch between
    /// its fetch and its update, which on a loaded machine takes a while: every rejection slows the
    /// savers down, every accepted push speeds them up again. Saves keep coming throughout.
    /// </summary>
    private sealed class Pace
    {
        private int _ms = 50;

        public int Milliseconds => Volatile.Read(ref _ms);

        public void Slower() => Volatile.Write(ref _ms, Math.Min(_ms * 2, 5_000));

        public void Faster() => Volatile.Write(ref _ms, Math.Max(_ms / 2, 50));
    }
}
