using System.Net.Http.Json;
using System.Text.RegularExpressions;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Conversation;

[Collection(BrowserCollection.Name)]
public class PeopleActivityAndInsightsTests(Browser browser, WikiServer server)
{
    [Fact]
    public async Task AColleagueFillsInTheProfileWatchesAPageReactsAndTheAdminReadsTheInsights()
    {
        await server.CreateUserAsync("sanne@team.example", "Sanne Bakker", "Sanne-wachtwoord-1");
        var sanne = await browser.NewPageAsync("nl-NL");
        await sanne.SignInAsync(server.Url, "sanne@team.example", "Sanne-wachtwoord-1");

        // Profile: team, title and "ask me about" show in the directory, and a bad photo is refused.
        await sanne.GotoAsync(server.Url + "/account/profile");
        await sanne.FillAsync("#profile-team", "Financiën");
        await sanne.FillAsync("#profile-title", "Controller");
        await sanne.FillAsync("#profile-topics", "begroting, subsidies");
        await sanne.SetInputFilesAsync("#profile-photo", new Microsoft.Playwright.FilePayload { Name = "foto.png", MimeType = "image/png", Buffer = "geen plaatje"u8.ToArray() });
        await sanne.ClickAsync("#profile-save");
        await Expect(sanne.Locator(".profile-edit [role=alert]")).ToContainTextAsync("PNG, JPEG or WebP");
        await Expect(sanne.Locator("#profile-topics")).ToHaveValueAsync("begroting, subsidies");
        await sanne.GotoAsync(server.Url + "/people");
        var card = sanne.Locator(".person-card[data-handle='sanne']");
        await Expect(card).ToContainTextAsync("Controller · Financiën");
        await card.Locator("a.tag", new() { HasText = "subsidies" }).ClickAsync();
        await Expect(sanne.Locator("#experts .person-card").First).ToHaveAttributeAsync("data-handle", "sanne");

        // Watching a page: a change by someone else rings the bell.
        await sanne.GotoAsync(server.Url + "/wiki/handboek/declaraties");
        await sanne.ClickAsync("#watch-button");
        await Expect(sanne.Locator("#watch-button")).ToHaveAttributeAsync("aria-pressed", "true");
        await sanne.WaitForLiveBellAsync();
        var page = await (await server.Api().GetAsync("/api/pages/handboek/declaraties")).Content.ReadFromJsonAsync<PageDto>();
        (await server.Api().PutAsJsonAsync("/api/pages/handboek/declaraties", new { markdown = page!.Markdown + "\n\nNieuw: declareren kan nu ook via de app.\n" })).EnsureSuccessStatusCode();
        await Expect(sanne.Locator("#bell-count")).ToHaveTextAsync("1", new() { Timeout = 15_000 });
        await sanne.ClickAsync("#bell summary");
        await Expect(sanne.Locator(".bell-list")).ToContainTextAsync("wijzigde");

        // A post in the team stream gets a reaction.
        await sanne.GotoAsync(server.Url + "/discussions");
        await sanne.FillAsync("#post-text", "De nieuwe begroting staat op [[Declaraties]].");
        await sanne.ClickAsync("#post-submit");
        await Expect(sanne).ToHaveURLAsync(new Regex(@"/posts/\d+$"));
        await Expect(sanne.Locator(".link-card")).ToContainTextAsync("Declaraties");
        await sanne.Locator(".post-footer button.reaction", new() { HasText = "🎉" }).ClickAsync();
        await Expect(sanne.Locator(".post-footer button.reaction.mine")).ToHaveTextAsync("🎉 1");

        // The activity feed, filtered on posts, shows it.
        await sanne.GotoAsync(server.Url + "/activity?kind=post");
        await Expect(sanne.Locator("#activity li").First).ToContainTextAsync("Sanne Bakker");
        await Expect(sanne.Locator("#activity li[data-kind='page']")).ToHaveCountAsync(0);

        // Sanne is no admin: no insights for the whole wiki. The admin has them, with charts and CSV.
        sanne.ExpectError("status of 404");
        var denied = await sanne.GotoAsync(server.Url + "/insights");
        Assert.Equal(404, denied!.Status);
        var admin = await browser.NewPageAsync("nl-NL");
        await admin.SignInAsync(server.Url);
        await admin.GotoAsync(server.Url + "/spaces/handboek/insights");
        await Expect(admin.Locator("#insight-figures")).ToContainTextAsync("Actieve bijdragers");
        await Expect(admin.Locator("figure.bar-chart svg[role=img]")).ToHaveCountAsync(5);
        var download = await admin.RunAndWaitForDownloadAsync(() => admin.Locator("a[href*='table=weeks']").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("week,pages_created,page_edits,posts,answers,contributors", csv.TrimStart('\uFEFF'));
    }

    private sealed record PageDto(string Markdown);
}
