using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Api;

/// <summary>
/// Every route that takes a revision accepts only commits on the wiki's branch. A commit pushed to
/// another branch is in the object store, with text nobody published; asking for it must look exactly
/// like asking for an id that does not exist, abbreviated or not.
/// </summary>
public class RevisionsOnTheBranchTests(TeamWikiFactory factory) : IClassFixture<TeamWikiFactory>
{
    private const string Secret = "Zijtakgeheim";
    private const string Document = "project-atlas~planning-overzicht.md";

    [Fact]
    public async Task ACommitOffTheBranchIsAnsweredExactlyLikeAnUnknownIdOnEveryRoute()
    {
        var api = factory.AdminClient();
        var gitDirectory = Path.Combine(factory.DataDirectory, "wiki.git");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/pages/handboek/welkom")).StatusCode);
        var offBranch = PushToAnotherBranch(gitDirectory);
        var unknown = new string(offBranch.Select(c => c == '0' ? '1' : '0').ToArray());
        var head = Git("rev-parse main", gitDirectory).Trim();
        string[] ids = [offBranch, offBranch[..7], unknown, unknown[..7]];

        var api404 = new (string Route, Func<string, Task<HttpResponseMessage>> Send)[]
        {
            ("GET page ?revision", r => api.GetAsync($"/api/pages/handboek/welkom?revision={r}")),
            ("GET diff ?from", r => api.GetAsync($"/api/pages/handboek/welkom/diff?from={r}")),
            ("GET diff ?to", r => api.GetAsync($"/api/pages/handboek/welkom/diff?from={head}&to={r}")),
            ("PUT page baseRevision", r => api.PutPageAsync("handboek/welkom", $"Overschreven {r}\n", r)),
            ("POST revert", r => api.PostAsJsonAsync("/api/pages/handboek/welkom/revert", new { revision = r })),
            ("PATCH task baseRevision", r => api.PatchAsJsonAsync("/api/tasks/ATL-1", new { title = "Overschreven", baseRevision = r })),
            ("GET document ?version", r => api.GetAsync($"/api/documents/{Document}/content?version={r}")),
            ("POST document restore", r => api.PostAsJsonAsync($"/api/documents/{Document}/restore", new { version = r })),
        };
        foreach (var (route, send) in api404)
        {
            var answers = new List<string>();
            foreach (var id in ids)
            {
                var response = await send(id);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{route} with {id}: {(int)response.StatusCode} {body}");
                Assert.DoesNotContain(Secret, body);
                var problem = await response.ReadJsonAsync();
                answers.Add($"{problem.Str("title")} | {problem.Str("detail")}");
            }

            Assert.True(answers.Distinct().Count() == 1, $"{route} answers differ: {string.Join(" / ", answers)}");
        }

        var ui404 = new[] { "/wiki/handboek/welkom?revision={0}", "/diff/handboek/welkom?from={0}", "/revert/handboek/welkom?revision={0}", "/tasks/ATL-1?revision={0}" };
        foreach (var template in ui404)
        {
            foreach (var id in ids)
            {
                var response = await api.GetAsync(string.Format(template, id));
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{string.Format(template, id)}: {(int)response.StatusCode}");
                Assert.DoesNotContain(Secret, await response.Content.ReadAsStringAsync());
            }
        }

        // Nothing was written, and the same routes do work with a revision on the branch.
        Assert.Equal(head, Git("rev-parse main", gitDirectory).Trim());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/pages/handboek/welkom?revision={head}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/pages/handboek/welkom?revision={head[..7]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/documents/{Document}/content?version={head}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/wiki/handboek/welkom?revision={head}")).StatusCode);
    }

    /// <summary>A clone pushes a commit with secret text to a branch other than main.</summary>
    private static string PushToAnotherBranch(string gitDirectory)
    {
        var clone = Path.Combine(Path.GetTempPath(), "teamwiki-web-tests", "side-" + Guid.NewGuid().ToString("n"));
        Git($"clone -q \"{gitDirectory}\" \"{clone}\"", Path.GetTempPath());
        Git("checkout -q -b zijtak", clone);
        File.WriteAllText(Path.Combine(clone, "handboek", "welkom.md"), $"# Welkom\n\n{Secret}: nooit gepubliceerd.\n");
        Git("commit -q -am \"Op een zijtak\"", clone);
        Git("push -q origin zijtak", clone);
        var id = Git("rev-parse HEAD", clone).Trim();
        Directory.Delete(clone, recursive: true);
        return id;
    }

    private static string Git(string arguments, string directory)
    {
        var psi = new ProcessStartInfo("git", arguments) { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        psi.Environment["GIT_AUTHOR_NAME"] = psi.Environment["GIT_COMMITTER_NAME"] = "Zij Tak";
        psi.Environment["GIT_AUTHOR_EMAIL"] = psi.Environment["GIT_COMMITTER_EMAIL"] = "zijtak@example.org";
        using var process = Process.Start(psi)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {arguments}: {error.Result}");
        return output;
    }
}
