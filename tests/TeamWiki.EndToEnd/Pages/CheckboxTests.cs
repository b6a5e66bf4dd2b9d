using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Pages;

[Collection(BrowserCollection.Name)]
public class CheckboxTests(Browser browser, WikiServer server)
{
    private const string Text = "---\ntitle: Verhuislijst\n---\n\nWat er nog moet gebeuren.\n\n- [ ] Dozen inpakken\n- [ ] Sleutels ophalen\n- [ ] Adres doorgeven\n";

    [Fact]
    public async Task TwoPeopleTickDifferentBoxesBothTicksAreKeptATaskChecklistTicksTooAndAReaderCannotTick()
    {
        var api = server.Api();
        (await api.PostAsJsonAsync("/api/spaces", new { key = "verhuizing", name = "Verhuizing", visibility = "private", taskPrefix = "VH" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync("/api/pages/verhuizing/lijst", new { markdown = Text })).EnsureSuccessStatusCode();
        await server.CreateUserAsync("kees@example.org", "Kees Vink", "Kees-wachtwoord-1");
        (await api.PutAsJsonAsync("/api/spaces/verhuizing/members/kees@example.org", new { role = "member" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/users", new { email = "lezer@example.org", name = "Lea Lezer", password = "Lezer-wachtwoord-1", guest = true })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync("/api/spaces/verhuizing/members/lezer@example.org", new { role = "guest" })).EnsureSuccessStatusCode();

        var anna = await browser.NewPageAsync();
        var kees = await browser.NewPageAsync();
        await anna.SignInAsync(server.Url);
        await kees.SignInAsync(server.Url, "kees@example.org", "Kees-wachtwoord-1");
        await OpenAsync(anna);
        await OpenAsync(kees);

        // Anna ticks the first box; Kees, still looking at the version without it, ticks the third.
        await anna.Locator("[data-checkbox-index='0']").CheckAsync();
        await Eventually.UntilAsync(MarkdownAsync, m => m.Contains("- [x] Dozen inpakken"), "Anna's tick to be saved");
        await kees.Locator("[data-checkbox-index='2']").CheckAsync();

        // Kees's tick was merged with Anna's; his page shows the merged text, both ticks.
        await Eventually.UntilAsync(MarkdownAsync, m => m.Contains("- [x] Adres doorgeven"), "Kees's tick to be saved");
        Assert.Equal(Text.Replace("- [ ] Dozen", "- [x] Dozen").Replace("- [ ] Adres", "- [x] Adres"), await MarkdownAsync());
        await Expect(kees.Locator("[data-checkbox-index='0']")).ToBeCheckedAsync();
        await Expect(kees.Locator("[data-checkbox-index='2']")).ToBeCheckedAsync();
        await Expect(kees.Locator("[data-checkbox-index='1']")).Not.ToBeCheckedAsync();
        await Shots(kees, "ticked");

        // Someone rewrites the second line meanwhile: Anna's tick of it overlaps, is refused, and she is told.
        var current = await api.GetFromJsonAsync<JsonElement>("/api/pages/verhuizing/lijst");
        (await api.PutAsJsonAsync("/api/pages/verhuizing/lijst", new { markdown = current.GetProperty("markdown").GetString()!.Replace("Sleutels ophalen", "Sleutels ophalen bij de makelaar"), baseRevision = current.GetProperty("revision").GetString() })).EnsureSuccessStatusCode();
        anna.ExpectError("status of 409");
        // Click, not Check: the box is put back as soon as the refusal arrives, which Check would take for a failed click.
        await anna.Locator("[data-checkbox-index='1']").ClickAsync();
        await Expect(anna.Locator("#checkbox-notice")).ToBeVisibleAsync();
        await Expect(anna.Locator("#checkbox-notice")).ToContainTextAsync("Iemand anders wijzigde deze regel");
        await Expect(anna.Locator("[data-checkbox-index='1']")).Not.ToBeCheckedAsync();
        Assert.Contains("- [ ] Sleutels ophalen bij de makelaar", await MarkdownAsync());
        await Shots(anna, "conflict");

        // A task's checklist ticks the same way.
        var task = await (await api.PostAsJsonAsync("/api/spaces/verhuizing/tasks", new { title = "Kartons", description = "- [ ] bestellen\n- [ ] vouwen\n" })).Content.ReadFromJsonAsync<JsonElement>();
        var key = task.GetProperty("key").GetString();
        await kees.GotoAsync($"{server.Url}/tasks/{key}");
        await Expect(kees.Locator("html")).ToHaveAttributeAsync("data-checkboxes", "ready");
        await kees.Locator("#task-description [data-checkbox-index='1']").CheckAsync();
        var description = await Eventually.UntilAsync(
            async () => (await api.GetFromJsonAsync<JsonElement>($"/api/tasks/{key}")).GetProperty("description").GetString()!,
            d => d.Contains("- [x] vouwen"), "Kees's tick in the task's checklist to be saved");
        Assert.Contains("- [ ] bestellen", description);
        await Expect(kees.Locator(".task-detail")).ToContainTextAsync("1 van 2 klaar");
        await Expect(kees.Locator("#task-description [data-checkbox-index='1']")).ToBeCheckedAsync();
        await Shots(kees, "task");

        // A reader who may not edit sees the boxes as they are, and cannot tick them.
        var lea = await browser.NewPageAsync();
        await lea.SignInAsync(server.Url, "lezer@example.org", "Lezer-wachtwoord-1");
        await lea.GotoAsync(server.Url + "/wiki/verhuizing/lijst");
        var boxes = lea.Locator(".markdown-body input[type=checkbox]");
        await Expect(boxes).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++)
        {
            await Expect(boxes.Nth(i)).ToBeDisabledAsync();
        }

        await Expect(lea.Locator("[data-checkbox-index]")).ToHaveCountAsync(0);
        await Expect(boxes.Nth(0)).ToBeCheckedAsync();
    }

    private async Task OpenAsync(IPage page)
    {
        await page.GotoAsync(server.Url + "/wiki/verhuizing/lijst");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-checkboxes", "ready");
        await Expect(page.Locator("[data-checkbox-index]")).ToHaveCountAsync(3);
    }

    private async Task<string> MarkdownAsync() =>
        (await server.Api().GetFromJsonAsync<JsonElement>("/api/pages/verhuizing/lijst")).GetProperty("markdown").GetString()!;

    /// <summary>The page at desktop and phone width, for looking at (TEAMWIKI_SHOTS, else beside the tests).</summary>
    private static async Task Shots(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("TEAMWIKI_SHOTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"checkbox-{name}-{width}.png"), FullPage = true });
        }

        await page.SetViewportSizeAsync(1280, 900);
    }
}
