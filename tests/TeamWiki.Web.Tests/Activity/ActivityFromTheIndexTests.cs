using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TeamWiki.Storage.Changes;
using TeamWiki.Storage.History;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Activity;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Activity;

/// <summary>
/// The activity feed's content lines come from the history index. On a history with moves (within a
/// space, out of a private space and into it), deletions, tasks, a document, an outside push, two
/// readable spaces and a private one, <c>/api/activity</c> answers every reader exactly as the recorded
/// activity did (<see cref="OldActivityPath"/>), and again after a restart with the index deleted.
/// </summary>
public class ActivityFromTheIndexTests
{
    private static readonly (string? Space, string? Kind, string? Actor, int Page, int Limit)[] Queries =
    [
        (null, null, null, 1, 25), (null, null, null, 2, 25), (null, null, null, 3, 25),
        (null, "page", null, 1, 100), (null, "task", null, 1, 100), (null, "document", null, 1, 100),
        ("handboek", null, null, 1, 100), ("kluis", null, null, 1, 100), ("kennisbank", "task", null, 1, 100),
        (null, null, "anna", 1, 100), ("handboek", null, "bert", 1, 100), (null, "page", "anna", 2, 3),
    ];

    [Fact]
    public async Task TheFeedFromTheIndexIsTheRecordedActivityForEveryReaderAndStaysSoWhenTheIndexIsRebuilt()
    {
        var data = Path.Combine(Path.GetTempPath(), "teamwiki-web-tests", Guid.NewGuid().ToString("n"));
        try
        {
            Dictionary<string, string> tokens;
            List<string> before;
            using (var server = new ExistingDataFactory(data))
            {
                tokens = await GenerateHistoryAsync(server, data);
                before = await AssertSameAsOldPathAsync(server, tokens);
            }

            // The lines a reader of only the internal spaces sees name nothing of the private one.
            var bert = before.Where(l => l.StartsWith("bert ", StringComparison.Ordinal)).ToList();
            Assert.Contains(bert, l => l.Contains("|Move to handboek/plan", StringComparison.Ordinal));
            Assert.Contains(bert, l => l.Contains("|Move handboek/uitgelekt elsewhere", StringComparison.Ordinal));
            Assert.DoesNotContain(bert, l => l.Contains("kluis", StringComparison.Ordinal) && !l.Contains("/api/activity?space=kluis", StringComparison.Ordinal));
            Assert.Contains(before, l => l.StartsWith("anna ", StringComparison.Ordinal) && l.Contains("|Move kluis/plan to handboek/plan", StringComparison.Ordinal));

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var index = Path.Combine(data, "cache", "history.db");
            Assert.True(File.Exists(index), "the history index was not where the data folder keeps it");
            foreach (var file in new[] { index, index + "-wal", index + "-shm" }.Where(File.Exists))
            {
                File.Delete(file);
            }

            using var restarted = new ExistingDataFactory(data);
            var after = await AssertSameAsOldPathAsync(restarted, tokens);

            Assert.Equal(before, after);
            Assert.Equal(restarted.Services.GetRequiredService<IChangeFeed>().Head, restarted.Services.GetRequiredService<HistoryIndex>().IndexedHead);
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    /// <summary>Asks every query as admin, anna (member of the private "kluis") and bert (not); returns what each saw.</summary>
    private static async Task<List<string>> AssertSameAsOldPathAsync(TeamWikiFactory server, Dictionary<string, string> tokens)
    {
        var reference = await OldActivityPath.RecordAsync(server.Services);
        var people = server.Services.GetRequiredService<PeopleDirectory>();
        var access = server.Services.GetRequiredService<SpaceAccess>();
        var seen = new List<string>();
        foreach (var (viewer, email) in new[] { ("admin", TeamWikiFactory.AdminEmail), ("anna", "anna@example.org"), ("bert", "bert@example.org") })
        {
            var client = viewer == "admin" ? server.AdminClient() : server.ClientWithToken(tokens[viewer]);
            var principal = PeopleDirectory.PrincipalOf((await people.ByEmailAsync(email))!);
            foreach (var (space, kind, actor, page, limit) in Queries)
            {
                var url = "/api/activity?" + string.Join('&', new[] { ("space", space), ("kind", kind), ("actor", actor), ("page", $"{page}"), ("limit", $"{limit}") }
                    .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={p.Item2}"));
                var response = await client.GetAsync(url);
                if (space is not null && !access.CanRead(principal, space))
                {
                    Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                    seen.Add($"{viewer} {url} 404");
                    continue;
                }

                var answer = await response.ReadJsonAsync();
                var actual = answer.GetProperty("items").EnumerateArray().Select(Describe).ToList();
                var actorId = actor is null ? null : (await people.ByHandleAsync(actor))!.Id;
                var (items, more) = reference.Page(principal, space, kind, page, limit, actorId);
                Assert.True(items.Select(Describe).SequenceEqual(actual), $"{viewer} {url}:\nexpected\n  {string.Join("\n  ", items.Select(Describe))}\nactual\n  {string.Join("\n  ", actual)}");
                Assert.Equal(more, answer.GetProperty("hasMore").GetBoolean());
                seen.AddRange(actual.Select(line => $"{viewer} {url} {line}"));
            }
        }

        // The history is what the test is about: moves, deletions, every kind, an outsider, the private space.
        var all = string.Join('\n', seen);
        foreach (var expected in new[] { "|deleted|", "|created|", "|edited|", "task|", "document|", "|Vim Gebruiker|", "|kluis|" })
        {
            Assert.Contains(expected, all);
        }

        return seen;
    }

    private static string Describe(FeedItem i) =>
        $"{i.Kind}|{i.Action}|{i.Title}|{i.Url}|{i.Space}|{i.ActorName}|{i.ActorHandle}|{i.At.UtcDateTime:O}|{i.Excerpt}";

    private static string Describe(JsonElement i) =>
        $"{i.Str("kind")}|{i.Str("action")}|{i.Str("title")}|{i.GetProperty("url").GetString()}|{i.GetProperty("space").GetString()}|{i.Str("actorName")}|"
        + $"{i.GetProperty("actorHandle").GetString()}|{i.GetProperty("at").GetDateTimeOffset().UtcDateTime:O}|{i.GetProperty("excerpt").GetString()}";

    /// <summary>Two people and the admin change pages, tasks and a document in two internal spaces and a private one; then someone pushes.</summary>
    private static async Task<Dictionary<string, string>> GenerateHistoryAsync(TeamWikiFactory server, string data)
    {
        var admin = server.AdminClient();
        var tokens = new Dictionary<string, string>();
        foreach (var name in new[] { "anna", "bert" })
        {
            var created = await (await admin.PostAsJsonAsync("/api/users", new { email = $"{name}@example.org", name, password = "Wachtwoord-123", guest = false })).ReadJsonAsync();
            tokens[name] = (await (await admin.PostAsJsonAsync($"/api/users/{created.Str("id")}/tokens", new { name = "test" })).ReadJsonAsync()).Str("token");
        }

        var anna = server.ClientWithToken(tokens["anna"]);
        var bert = server.ClientWithToken(tokens["bert"]);
        (await admin.PostAsJsonAsync("/api/spaces", new { key = "kluis", name = "De kluis", visibility = "private", taskPrefix = "KL" })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/spaces/kluis/members/anna", new { role = "member" })).EnsureSuccessStatusCode();

        (await anna.PutPageAsync("kluis/plan", "# Het plan\n\nNog geheim.\n")).EnsureSuccessStatusCode();
        (await anna.PutPageAsync("kluis/plan", "# Het plan\n\nNog geheim, versie twee.\n")).EnsureSuccessStatusCode();
        (await anna.PostAsJsonAsync("/api/pages/kluis/plan/move", new { to = "handboek/plan" })).EnsureSuccessStatusCode();
        (await bert.PutPageAsync("handboek/notitie", "# Notitie\n\nEen korte notitie.\n")).EnsureSuccessStatusCode();
        (await bert.PostAsJsonAsync("/api/pages/handboek/notitie/move", new { to = "handboek/map/notitie" })).EnsureSuccessStatusCode();
        (await bert.PutPageAsync("handboek/map/notitie", "# Notitie\n\nEen langere notitie.\n")).EnsureSuccessStatusCode();
        (await bert.DeleteAsync("/api/pages/handboek/map/notitie")).EnsureSuccessStatusCode();
        (await anna.PutPageAsync("handboek/uitgelekt", "# Uitgelekt\n\nHoort in de kluis.\n")).EnsureSuccessStatusCode();
        (await anna.PostAsJsonAsync("/api/pages/handboek/uitgelekt/move", new { to = "kluis/binnen" })).EnsureSuccessStatusCode();
        (await anna.PutPageAsync("kluis/tweede", "# Tweede\n\nAlleen voor de kluis.\n")).EnsureSuccessStatusCode();

        var task = (await (await admin.PostAsJsonAsync("/api/spaces/kennisbank/tasks", new { title = "Bronnen nalopen" })).ReadJsonAsync()).Str("key");
        (await bert.PatchAsJsonAsync($"/api/tasks/{task}", new { title = "Bronnen nalopen en bijwerken" })).EnsureSuccessStatusCode();
        var gone = (await (await bert.PostAsJsonAsync("/api/spaces/kennisbank/tasks", new { title = "Vergeten taak" })).ReadJsonAsync()).Str("key");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/tasks/{gone}")).StatusCode);
        (await anna.PostAsJsonAsync("/api/spaces/kluis/tasks", new { title = "Kluis op slot" })).EnsureSuccessStatusCode();
        var upload = new MultipartFormDataContent { { new ByteArrayContent("Notulen van het overleg.\n"u8.ToArray()), "files", "notulen.txt" } };
        (await bert.PostAsync("/api/spaces/kennisbank/documents", upload)).EnsureSuccessStatusCode();

        // Someone without an account pushes a page from a clone.
        var clone = data + "-clone";
        Git($"clone -q \"{Path.Combine(data, "wiki.git")}\" \"{clone}\"", Path.GetTempPath());
        File.WriteAllText(Path.Combine(clone, "kennisbank", "van-buiten.md"), "# Van buiten\n\nGeschreven in een editor.\n");
        Git("add -A", clone);
        Git("commit -q -m \"Pagina van buiten\"", clone);
        Git("push -q origin main", clone);
        var pushed = Git("rev-parse HEAD", clone).Trim();
        Directory.Delete(clone, recursive: true);
        await Eventually.UntilAsync(async () => (await (await admin.GetAsync("/health")).ReadJsonAsync()).Str("head"), head => head == pushed, "the wiki to notice the push");
        return tokens;
    }

    private static string Git(string arguments, string directory)
    {
        var psi = new ProcessStartInfo("git", arguments) { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        psi.Environment["GIT_AUTHOR_NAME"] = psi.Environment["GIT_COMMITTER_NAME"] = "Vim Gebruiker";
        psi.Environment["GIT_AUTHOR_EMAIL"] = psi.Environment["GIT_COMMITTER_EMAIL"] = "vim@example.org";
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {arguments}: {error}");
        return output.Result;
    }
}
