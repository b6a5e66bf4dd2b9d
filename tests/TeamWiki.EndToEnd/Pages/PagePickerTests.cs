using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Pages;

/// <summary>
/// The editor's page picker, as a colleague uses it at desktop and phone width: typing <c>[[</c> and the
/// start of a title lists matching pages (never one from a space the author may not read), the keyboard
/// or the mouse chooses, the link shows in the preview and, after saving, leads to the chosen page.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PagePickerTests(Browser browser, WikiServer server)
{
    private const string Password = "Wachtwoord-e2e-1";

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task TypingTwoBracketsOffersReadablePagesAndTheChosenLinkLeadsToThePage(int width)
    {
        // A word of its own per width: both runs share one wiki.
        var word = width == 1280 ? "Strandpicknick" : "Bospicknick";
        var typed = word[..7].ToLowerInvariant();
        var slug = word.ToLowerInvariant();
        var hidden = $"picker-geheim-{width}";
        var author = $"picker-{width}@example.org";
        var api = server.Api();
        (await api.PutAsJsonAsync($"/api/pages/handboek/{slug}-afspraken", new { markdown = $"---\ntitle: {word} afspraken\n---\n\nWie neemt wat mee.\n" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/pages/kennisbank/{slug}-draaiboek", new { markdown = $"---\ntitle: {word} draaiboek\n---\n\nHet draaiboek.\n" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/spaces", new { key = hidden, name = "Geheim", visibility = "private", taskPrefix = $"PG{width}" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/pages/{hidden}/{slug}-geheim", new { markdown = $"---\ntitle: {word} geheim\n---\n\nNiet voor iedereen.\n" })).EnsureSuccessStatusCode();
        await server.CreateUserAsync(author, "Picker " + width, Password);

        var page = await browser.NewPageAsync(width: width, height: 844);
        await page.SignInAsync(server.Url, author, Password);
        await page.OpenEditorAsync(server.Url, $"handboek/uitje-{width}");
        var editor = page.Locator("#editor-text");
        var listbox = page.Locator("#wikilink-listbox");
        var options = listbox.Locator("[role=option]");
        await editor.PressAsync("Control+End");
        await editor.PressSequentiallyAsync("\nZie [[" + typed);

        // Own space first, then the other space the author reads; the private space's page never.
        await Expect(listbox).ToBeVisibleAsync();
        await Expect(options).ToHaveCountAsync(2);
        await Expect(options.Nth(0)).ToContainTextAsync($"{word} afspraken");
        await Expect(options.Nth(1)).ToContainTextAsync($"{word} draaiboek");
        await Expect(listbox).Not.ToContainTextAsync("geheim");
        await Expect(editor).ToHaveAttributeAsync("aria-activedescendant", await options.Nth(0).GetAttributeAsync("id") ?? "");
        await page.ScreenshotAsync(new() { Path = Shot($"page-picker-{width}.png") });

        await editor.PressAsync("ArrowDown");
        await Expect(options.Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(editor).ToHaveAttributeAsync("aria-activedescendant", await options.Nth(1).GetAttributeAsync("id") ?? "");
        await editor.PressAsync("Enter");
        await Expect(listbox).ToBeHiddenAsync();
        await Expect(editor).ToHaveValueAsync(new Regex($@"Zie \[\[kennisbank/{slug}-draaiboek\]\]$"));

        // Tab takes the first; Escape closes without inserting; the mouse chooses too.
        await editor.PressSequentiallyAsync(" en [[" + typed);
        await Expect(options).ToHaveCountAsync(2);
        await editor.PressAsync("Tab");
        await Expect(editor).ToHaveValueAsync(new Regex($@"en \[\[{word} afspraken\]\]$"));
        await editor.PressSequentiallyAsync(", [[" + typed[..5]);
        await Expect(options).ToHaveCountAsync(2);
        await editor.PressAsync("Escape");
        await Expect(listbox).ToBeHiddenAsync();
        await Expect(editor).ToHaveValueAsync(new Regex($@", \[\[{typed[..5]}$"));
        await editor.PressSequentiallyAsync(typed[5..]);
        await options.Nth(1).ClickAsync();
        await Expect(editor).ToHaveValueAsync(new Regex($@", \[\[kennisbank/{slug}-draaiboek\]\]$"));

        // The toolbar's "[[Paginatitel]]" with the placeholder selected: typing over it picks, once closed.
        await editor.PressSequentiallyAsync(" of ");
        await page.ClickAsync(".editor-toolbar [data-md=wikilink]");
        await editor.PressSequentiallyAsync(typed);
        await Expect(options).ToHaveCountAsync(2);
        await editor.PressAsync("Enter");
        await Expect(editor).ToHaveValueAsync(new Regex($@" of \[\[{word} afspraken\]\]$"));

        var preview = page.Locator("#preview");
        await Expect(preview.Locator($"a[href='/wiki/kennisbank/{slug}-draaiboek']")).ToHaveCountAsync(2);
        await Expect(preview.Locator($"a[href='/wiki/handboek/{slug}-afspraken']")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new() { Path = Shot($"page-picker-preview-{width}.png"), FullPage = true });

        await page.SaveAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/wiki/handboek/uitje-{width}"));
        var link = page.Locator($".markdown-body a[href='/wiki/kennisbank/{slug}-draaiboek']").First;
        await Expect(link).ToHaveTextAsync($"{word} draaiboek");
        await link.ClickAsync();
        await Expect(page).ToHaveURLAsync($"{server.Url}/wiki/kennisbank/{slug}-draaiboek");
        await Expect(page.Locator("h1").First).ToHaveTextAsync($"{word} draaiboek");
    }

    /// <summary>Screenshots go to TEAMWIKI_SHOTS when set (to look at them), else beside the tests.</summary>
    private static string Shot(string name)
    {
        var folder = Environment.GetEnvironmentVariable("TEAMWIKI_SHOTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
