using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Pages;

/// <summary>
/// Finding your way, as a colleague does it in Chromium at desktop and phone width: "Gelinkt vanaf" under
/// a page after someone links to it (never a page from a space the reader may not read), the words that
/// changed inside a line in the history's comparison, and header suggestions that put titles starting
/// with the typed text first and offer spaces and people too.
/// </summary>
[Collection(BrowserCollection.Name)]
public class FindingYourWayTests(Browser browser, WikiServer server)
{
    private const string Password = "Wachtwoord-e2e-1";

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task LinkingToAPageShowsItUnderThePageOnlyToReadersOfTheLinkingSpace(int width)
    {
        var api = server.Api();
        var target = $"handboek/koffieafspraken-{width}";
        var hidden = $"directie-{width}";
        var colleague = $"collega-{width}@example.org";
        (await api.PutAsJsonAsync($"/api/pages/{target}", new { markdown = "---\ntitle: Koffieafspraken\n---\n\nWie zet de koffie?\n" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/spaces", new { key = hidden, name = "Directie", visibility = "private", taskPrefix = $"DI{width}" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/pages/{hidden}/begroting", new { markdown = $"---\ntitle: Begroting koffie\n---\n\nZie [[{target}]].\n" })).EnsureSuccessStatusCode();
        await server.CreateUserAsync(colleague, "Collega " + width, Password);

        // The admin adds a link in the editor, as anyone would.
        var admin = await browser.NewPageAsync(width: width, height: 844);
        await admin.SignInAsync(server.Url);
        await admin.OpenEditorAsync(server.Url, "handboek/welkom");
        var editor = admin.Locator("#editor-text");
        await editor.PressAsync("Control+End");
        await editor.PressSequentiallyAsync($"\n\nOver koffie: [[{target}|de koffieafspraken]].\n");
        await admin.SaveAsync();
        await Expect(admin).ToHaveURLAsync(new Regex("/wiki/handboek/welkom"));

        await admin.GotoAsync($"{server.Url}/wiki/{target}");
        var linked = admin.Locator("#backlinks");
        await Expect(linked.Locator("h2")).ToHaveTextAsync("Gelinkt vanaf");
        await Expect(linked.Locator("a")).ToHaveCountAsync(2);
        await Expect(linked.Locator($"a[href='/wiki/{hidden}/begroting']")).ToHaveTextAsync("Begroting koffie");
        await Expect(linked).ToContainTextAsync("Directie");
        await AssertFitsAsync(admin, width);
        await admin.ScreenshotAsync(new() { Path = Shot($"backlinks-{width}.png"), FullPage = true });

        // A colleague outside the private space sees the public link only, and it leads to the page.
        var reader = await browser.NewPageAsync(width: width, height: 844);
        await reader.SignInAsync(server.Url, colleague, Password);
        await reader.GotoAsync($"{server.Url}/wiki/{target}");
        var theirs = reader.Locator("#backlinks a");
        await Expect(theirs).ToHaveCountAsync(1);
        await Expect(reader.Locator("#backlinks")).Not.ToContainTextAsync("Begroting");
        await Expect(reader.Locator("#backlinks")).Not.ToContainTextAsync("Directie");
        await theirs.ClickAsync();
        await Expect(reader).ToHaveURLAsync($"{server.Url}/wiki/handboek/welkom");
        await Expect(reader.Locator(".markdown-body")).ToContainTextAsync("de koffieafspraken");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task TheHistoryComparisonMarksTheWordsThatChangedInALine(int width)
    {
        var api = server.Api();
        var path = $"handboek/teamoverleg-{width}";
        (await api.PutAsJsonAsync($"/api/pages/{path}", new { markdown = "---\ntitle: Teamoverleg\n---\n\nWe vergaderen op dinsdag in zaal 3.\n\nNeem je laptop mee.\n" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/pages/{path}", new { markdown = "---\ntitle: Teamoverleg\n---\n\nWe vergaderen op donderdag in zaal 3.\n\nNeem je laptop mee.\n" })).EnsureSuccessStatusCode();

        var page = await browser.NewPageAsync(width: width, height: 844);
        await page.SignInAsync(server.Url);
        await page.GotoAsync($"{server.Url}/wiki/{path}");
        await page.ClickAsync("a[accesskey=h]");
        await page.ClickAsync("#compare");

        await Expect(page).ToHaveURLAsync(new Regex("/diff/"));
        var diff = page.Locator("table.diff");
        await Expect(diff.Locator("del")).ToHaveTextAsync("dinsdag");
        await Expect(diff.Locator("ins")).ToHaveTextAsync("donderdag");
        await Expect(diff.Locator("td.diff-del")).ToContainTextAsync("We vergaderen op dinsdag in zaal 3.");
        await Expect(diff.Locator("td.diff-ins")).ToContainTextAsync("We vergaderen op donderdag in zaal 3.");
        await Expect(diff.Locator("del")).ToHaveCSSAsync("text-decoration-line", "line-through");
        await Expect(diff.Locator("ins")).ToHaveCSSAsync("text-decoration-line", "underline");
        await AssertFitsAsync(page, width);
        await page.ScreenshotAsync(new() { Path = Shot($"inline-diff-{width}.png"), FullPage = true });
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task HeaderSuggestionsPutTitlesThatStartWithTheTextFirstAndOfferSpacesAndPeople(int width)
    {
        var api = server.Api();
        var space = $"vergaderzalen-{width}";
        (await api.PostAsJsonAsync("/api/spaces", new { key = space, name = $"Vergaderzalen {width}", visibility = "internal", taskPrefix = $"VZ{width}" })).EnsureSuccessStatusCode();
        await server.CreateUserAsync($"vergil-{width}@example.org", $"Vergil {width}", Password);
        await server.WaitUntilIndexedAsync();

        var page = await browser.NewPageAsync(width: width, height: 844);
        await page.SignInAsync(server.Url);
        await page.GotoAsync($"{server.Url}/wiki/handboek/welkom");
        var box = page.Locator("#header-search");
        if (!await box.IsVisibleAsync())
        {
            await page.ClickAsync("[data-nav-toggle]");
        }

        await box.ClickAsync();
        await box.PressSequentiallyAsync("verg", new() { Delay = 40 });
        var options = page.Locator("#header-suggestions [role=option]");
        await Expect(options.First).ToContainTextAsync("Vergaderingen");
        var texts = await options.AllInnerTextsAsync();
        int Index(string text) => texts.ToList().FindIndex(t => t.Contains(text, StringComparison.Ordinal));
        Assert.True(Index("Vergaderingen") < Index("Declaraties en vergoedingen"), string.Join(" | ", texts));
        Assert.True(Index($"Vergaderzalen {width}") is > 0 and var s && s < Index("Declaraties en vergoedingen"), string.Join(" | ", texts));
        Assert.True(Index($"Vergil {width}") is > 0 and var p && p < Index("Declaraties en vergoedingen"), string.Join(" | ", texts));
        await Expect(page.Locator("#header-suggestions .suggestion-space", new() { HasText = $"Vergaderzalen {width}" })).ToContainTextAsync("Ruimte");
        await Expect(page.Locator("#header-suggestions .suggestion-person", new() { HasText = $"Vergil {width}" })).ToContainTextAsync("Persoon");
        await AssertFitsAsync(page, width);
        await page.ScreenshotAsync(new() { Path = Shot($"suggestions-{width}.png"), FullPage = false });

        // The keyboard picks the space, as it picks a page.
        for (var i = 0; i <= Index($"Vergaderzalen {width}"); i++)
        {
            await box.PressAsync("ArrowDown");
        }

        await box.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync($"{server.Url}/wiki/{space}");
    }

    private static async Task AssertFitsAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"the page is {scrollWidth} px wide in a {width} px window");
    }

    /// <summary>Screenshots go to TEAMWIKI_SHOTS when set (to look at them), else beside the tests.</summary>
    private static string Shot(string name)
    {
        var folder = Environment.GetEnvironmentVariable("TEAMWIKI_SHOTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
