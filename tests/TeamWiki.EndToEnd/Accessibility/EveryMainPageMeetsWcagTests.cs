using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Accessibility;

/// <summary>
/// Issue 12 §6: every main page passes axe-core's WCAG 2.1 A and AA rules, in Dutch and in English, on a
/// desktop (1280 px) and a phone (390 px). One signed-in browser context per language and width walks
/// all pages; the test fails listing every violation with its rule, element, page, language and width.
/// </summary>
[Collection(BrowserCollection.Name)]
public class EveryMainPageMeetsWcagTests(Browser browser, WikiServer server)
{
    private const string Space = "toegankelijk";
    private const string PagePath = Space + "/werkafspraken";

    [Fact]
    public async Task EveryMainPageHasNoWcag21AOrAAViolationInBothLanguagesAndAtBothWidths()
    {
        var pages = await SeedAsync();
        await server.WaitUntilIndexedAsync();

        var violations = new List<string>();
        foreach (var language in new[] { "nl", "en" })
        {
            foreach (var width in new[] { 1280, 390 })
            {
                var page = await browser.NewPageAsync(locale: "nl-NL", width: width, height: width > 600 ? 900 : 844);
                await page.SignInAsync(server.Url);
                // The language switch is a link; following it stores the choice (a cookie) for this person.
                await page.GotoAsync($"{server.Url}/culture?c={language}&r=%2F");
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);

                foreach (var (name, url, ready) in pages)
                {
                    await page.GotoAsync(server.Url + url);
                    await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
                    await page.WaitForLiveBellAsync();
                    if (ready is not null)
                    {
                        await Expect(page.Locator(ready).First).ToBeVisibleAsync();
                    }

                    violations.AddRange(await Axe.ViolationsAsync(page, $"{name} ({url}) in {language} at {width} px"));
                }

                // What a closed menu or bell holds is hidden, and axe skips hidden content: open them once.
                if (width < 600)
                {
                    await page.ClickAsync("#menu-button");
                    await Expect(page.Locator("#menu-button")).ToHaveAttributeAsync("aria-expanded", "true");
                }

                await page.ClickAsync("#bell summary");
                await Expect(page.Locator(".bell-list li").First).ToBeVisibleAsync();
                violations.AddRange(await Axe.ViolationsAsync(page, $"open menu and bell ({pages[^1].Url}) in {language} at {width} px"));

                await page.Context.CloseAsync();
            }
        }

        Assert.True(violations.Count == 0,
            $"{violations.Count} WCAG 2.1 A/AA violations (rule, help, element, failing checks):\n  " + string.Join("\n  ", violations));
    }

    [Fact]
    public async Task TheCheckReportsTheFaultsTheIssueNamesWithRuleElementAndPlace()
    {
        // What the bell and the task lists did before: a name that leaves out the visible count, and a
        // checkbox without a label. The walk above only means something if these are caught.
        var page = await browser.NewPageAsync();
        await page.SetContentAsync("""
            <!DOCTYPE html><html lang="nl"><head><title>Proef</title></head><body><main>
            <button id="bell" aria-label="Meldingen">3</button>
            <ul><li><input id="box" type="checkbox" disabled> koppen in volgorde</li></ul>
            </main></body></html>
            """);

        var violations = await Axe.ViolationsAsync(page, "the sample in nl at 1280 px");

        Assert.Contains(violations, v => v.StartsWith("the sample in nl at 1280 px: label-content-name-mismatch", StringComparison.Ordinal) && v.Contains("#bell", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("the sample in nl at 1280 px: label ", StringComparison.Ordinal) && v.Contains("#box", StringComparison.Ordinal));
    }

    /// <summary>
    /// A space with everything its pages show: a page edited twice (history, a diff), a task with a
    /// checklist, a document, a question with a reply, and a notification for the admin (Wessel's reply
    /// mentions them). Returns each page to visit with what shows once it is ready.
    /// </summary>
    private async Task<List<(string Name, string Url, string? Ready)>> SeedAsync()
    {
        var admin = server.Api();
        (await admin.PostAsJsonAsync("/api/spaces", new { key = Space, name = "Toegankelijk", description = "Voor iedereen bruikbaar", taskPrefix = "TG" })).EnsureSuccessStatusCode();
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/me");
        var handle = me.GetProperty("handle").GetString()!;

        var first = await PutPageAsync(admin, """
            ---
            title: Werkafspraken
            tags: [toegankelijkheid, team]
            ---
            # Werkafspraken

            We schrijven voor **iedereen**: zie [[Welkom]] en de [richtlijnen](https://www.w3.org/TR/WCAG21/).

            ## Checklist

            - [x] koppen in volgorde
            - [ ] alt-tekst bij elk plaatje

            | Wie | Wat |
            | --- | --- |
            | Anna | teksten |

            > [!NOTE]
            > Vraag het gerust.

            ```
            git log
            ```
            """);
        var second = await PutPageAsync(admin, """
            ---
            title: Werkafspraken
            tags: [toegankelijkheid, team]
            ---
            # Werkafspraken

            We schrijven voor **iedereen**, ook met een schermlezer.

            ## Checklist

            - [x] koppen in volgorde
            - [x] alt-tekst bij elk plaatje
            """);

        var task = await admin.PostAsJsonAsync($"/api/spaces/{Space}/tasks", new
        {
            title = "Contrast nakijken",
            description = "Nalopen:\n\n- [x] knoppen\n- [ ] links\n",
            assignee = handle,
            due = DateTime.Today.AddDays(3).ToString("yyyy-MM-dd"),
            priority = "high",
            labels = new[] { "toegankelijkheid" },
        });
        task.EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/spaces/{Space}/tasks", new { title = "Toetsenbord testen", status = "doing" })).EnsureSuccessStatusCode();

        using var upload = new MultipartFormDataContent();
        var pdf = new ByteArrayContent(TestFiles.Pdf("Rapport over toegankelijkheid"));
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        upload.Add(pdf, "file", "rapport.pdf");
        (await admin.PostAsync($"/api/spaces/{Space}/documents", upload)).EnsureSuccessStatusCode();

        var post = await (await admin.PostAsJsonAsync($"/api/spaces/{Space}/posts", new { markdown = "Wie kijkt mee naar [[Werkafspraken]]?", tags = new[] { "vraag" }, question = true }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var postId = post.GetProperty("id").GetInt64();

        var wessel = await CreateColleagueAsync(admin);
        (await wessel.PostAsJsonAsync($"/api/posts/{postId}/replies", new { markdown = $"Ik, @{handle}: ik begin morgen." })).EnsureSuccessStatusCode();
        (await wessel.PostAsJsonAsync($"/api/comments?target=page:{PagePath}", new { markdown = "Goed idee." })).EnsureSuccessStatusCode();
        (await wessel.PostAsJsonAsync($"/api/posts/{postId}/reactions", new { emoji = "👍", on = true })).EnsureSuccessStatusCode();
        var inbox = await admin.GetFromJsonAsync<JsonElement>("/api/notifications?unread=true");
        Assert.True(inbox.GetProperty("unread").GetInt32() > 0, "the admin should have a notification to show");

        return
        [
            ("home", "/", null),
            ("page view", "/wiki/" + PagePath, null),
            ("editor", "/edit/" + PagePath, "#editor[data-ready=true]"),
            ("history", "/history/" + PagePath, null),
            ("diff", $"/diff/{PagePath}?from={first}&to={second}", null),
            ("search", "/search?q=werkafspraken", ".result:has-text('Werkafspraken')"),
            ("board", $"/spaces/{Space}/board", "#board[data-ready=true]"),
            ("task list", $"/spaces/{Space}/tasks", null),
            ("task detail", "/tasks/TG-1", null),
            ("documents", $"/spaces/{Space}/documents", null),
            ("discussions", $"/spaces/{Space}/discussions", null),
            ("a post", $"/posts/{postId}", null),
            ("people", "/people", null),
            ("profile", "/people/" + handle, null),
            ("activity", "/activity", null),
            ("insights", "/insights", null),
            ("space settings", $"/spaces/{Space}/settings", null),
            ("notifications", "/notifications", null),
        ];
    }

    private static async Task<string> PutPageAsync(HttpClient api, string markdown)
    {
        var saved = await (await api.PutAsJsonAsync("/api/pages/" + PagePath, new { markdown }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        return saved.GetProperty("revision").GetString()!;
    }

    /// <summary>A second person with an API token of their own.</summary>
    private async Task<HttpClient> CreateColleagueAsync(HttpClient admin)
    {
        var user = await (await admin.PostAsJsonAsync("/api/users", new { email = "wessel@toegankelijk.example", name = "Wessel Toegankelijk", password = "Wessel-wachtwoord-1" }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var token = await (await admin.PostAsJsonAsync($"/api/users/{user.GetProperty("id").GetString()}/tokens", new { name = "e2e" }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var client = new HttpClient { BaseAddress = new Uri(server.Url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        return client;
    }
}
