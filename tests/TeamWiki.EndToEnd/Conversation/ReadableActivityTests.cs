using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Conversation;

/// <summary>
/// The rough edges a team meets in its first week: the bell's list is readable, activity lines are
/// separate words with runs of edits folded, the wiki's own commit messages read as actions in the
/// reader's language, and the editor leaves no console errors behind after Ctrl+S or a link.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ReadableActivityTests(Browser browser, WikiServer server)
{
    [Fact]
    public async Task AColleaguesFiveSavesReadAsOneDutchLineAndTheBellListIsReadable()
    {
        var slug = "ruwe-randjes-" + Guid.NewGuid().ToString("n")[..6];
        var path = $"handboek/{slug}";
        await server.CreateUserAsync($"{slug}@team.example", "Marieke de Vries", "Marieke-wachtwoord-1");
        var marieke = await ClientOfAsync($"{slug}@team.example");

        // Marieke saves one page five times in a few minutes, then mentions the admin under it.
        for (var i = 1; i <= 5; i++)
        {
            (await marieke.PutAsJsonAsync($"/api/pages/{path}", new { markdown = $"---\ntitle: Ruwe randjes {slug}\n---\nVersie {i}\n" })).EnsureSuccessStatusCode();
        }

        (await marieke.PostAsJsonAsync("/api/spaces/handboek/posts", new { markdown = $"@admin kijk je even naar [[Ruwe randjes {slug}]]?" })).EnsureSuccessStatusCode();

        var admin = await browser.NewPageAsync("nl-NL");
        await admin.SignInAsync(server.Url);

        // The bell's list opens inside the green top bar; its lines are dark on white, not white on white.
        await Expect(admin.Locator("#bell-count")).Not.ToHaveTextAsync("0", new() { Timeout = 15_000 });
        await admin.ClickAsync("#bell summary");
        var line = admin.Locator(".bell-list li a").First;
        await Expect(line).ToContainTextAsync("Marieke de Vries");
        var ratio = await line.EvaluateAsync<double>(Contrast.RatioScript);
        Assert.True(ratio >= 4.5, $"The bell's line has a contrast of {ratio:F2}:1 against its background; WCAG AA asks 4.5:1");

        // The activity feed: words apart, and the five saves (the first created the page) as one line.
        await admin.GotoAsync(server.Url + "/activity?kind=page");
        var edits = admin.Locator("#activity li", new() { HasText = "bewerkte" }).Filter(new() { HasText = slug });
        await Expect(edits).ToHaveCountAsync(1);
        await Expect(edits).ToHaveTextAsync(new Regex(@"Marieke de Vries bewerkte Ruwe randjes \S+ \(4×\)"));
        await Expect(admin.Locator("#activity li", new() { HasText = "maakte" }).Filter(new() { HasText = slug }))
            .ToHaveTextAsync(new Regex(@"Marieke de Vries maakte Ruwe randjes"));

        // The page's history says what happened in Dutch and keeps the commit message as the detail.
        await admin.GotoAsync($"{server.Url}/history/{path}");
        var actions = admin.Locator("table.history .change-action");
        await Expect(actions).ToHaveCountAsync(5);
        await Expect(actions.First).ToHaveTextAsync("Gewijzigd");
        await Expect(actions.First).ToHaveAttributeAsync("title", $"Update {path}");
        await Expect(actions.Last).ToHaveTextAsync("Aangemaakt");
        await Expect(admin.Locator("main")).Not.ToContainTextAsync($"Update {path}");
    }

    [Fact]
    public async Task ABoardMoveShowsInTheTasksHistoryWithTheSpacesColumnNames()
    {
        var api = server.Api();
        var created = await (await api.PostAsJsonAsync("/api/spaces/project-atlas/tasks", new { title = "Statusnamen controleren" })).Content.ReadFromJsonAsync<JsonElement>();
        var key = created.GetProperty("key").GetString();
        (await api.PatchAsJsonAsync($"/api/tasks/{key}", new { status = "doing" })).EnsureSuccessStatusCode();

        var admin = await browser.NewPageAsync("nl-NL");
        await admin.SignInAsync(server.Url);
        await admin.GotoAsync($"{server.Url}/tasks/{key}");
        var history = admin.Locator("#task-history li");
        await Expect(history.First.Locator(".change-action")).ToHaveTextAsync("Status: Te doen → Bezig");
        await Expect(history.Last.Locator(".change-action")).ToHaveTextAsync("Aangemaakt");
    }

    [Fact]
    public async Task SavingWithCtrlSRightAfterTypingAndLeavingRightAfterTypingLeaveNoConsoleErrors()
    {
        var page = await browser.NewPageAsync("nl-NL");
        await page.SignInAsync(server.Url);

        // Ctrl+S while the preview of the last keystrokes is still on its way.
        await page.OpenEditorAsync(server.Url, "handboek/werktijden-en-thuiswerken");
        await page.FocusAsync("#editor-text");
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync("\n\nSnel opgeslagen.");
        await page.Keyboard.PressAsync("Control+s");
        await Expect(page).ToHaveURLAsync(new Regex(@"/wiki/handboek/werktijden-en-thuiswerken\?saved="));
        await Expect(page.Locator("main")).ToContainTextAsync("Snel opgeslagen.");

        // Typing, then a link (the person confirms leaving; the text stays as a draft): the preview that
        // was due must not reach the editor that is gone.
        await page.OpenEditorAsync(server.Url, "handboek/werktijden-en-thuiswerken");
        await page.FocusAsync("#editor-text");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.Keyboard.TypeAsync("x");
        await page.ClickAsync("nav a[href='/activity']");
        await Expect(page).ToHaveURLAsync(new Regex("/activity$"));
        await Expect(page.Locator("#activity")).ToBeVisibleAsync();

        // A round trip through the live bell after both: anything the server sent back has arrived by now.
        await page.WaitForLiveBellAsync();
    }

    private async Task<HttpClient> ClientOfAsync(string email)
    {
        var users = await server.Api().GetFromJsonAsync<JsonElement>("/api/users");
        var id = users.EnumerateArray().Single(u => u.GetProperty("email").GetString() == email).GetProperty("id").GetString();
        var token = await (await server.Api().PostAsJsonAsync($"/api/users/{id}/tokens", new { name = "test" })).Content.ReadFromJsonAsync<JsonElement>();
        var client = new HttpClient { BaseAddress = new Uri(server.Url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        return client;
    }
}
