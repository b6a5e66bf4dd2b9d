using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Pages;

/// <summary>Title and tags are form fields: the front matter stays in the file but not in the text box.</summary>
[Collection(BrowserCollection.Name)]
public class PageFieldsTests(Browser browser, WikiServer server)
{
    private const string File = """
        ---
        title: Fietsplan
        # Beheerd door HR
        tags: [fietsen]
        owner: petra
        review: 2027-01-01
        ---

        # Fietsplan

        Via de werkgever een fiets leasen.
        """;

    [Fact]
    public async Task TheAuthorChangesTitleAndPicksASuggestedTagAndTheFileKeepsItsOtherKeys()
    {
        (await server.Api().PutAsJsonAsync("/api/pages/handboek/fietsplan", new { markdown = File })).EnsureSuccessStatusCode();
        var page = await browser.NewPageAsync(locale: "nl-NL");
        await page.SignInAsync(server.Url);
        await page.OpenEditorAsync(server.Url, "handboek/fietsplan");

        // The text box holds the body only; title and tags are fields.
        var text = page.Locator("#editor-text");
        await Expect(text).ToHaveValueAsync(new Regex("^# Fietsplan\\n"));
        await Expect(text).Not.ToHaveValueAsync(new Regex("title:|owner:|---"));
        await Expect(page.Locator("#page-title")).ToHaveValueAsync("Fietsplan");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Tag fietsen verwijderen" })).ToBeVisibleAsync();

        await page.GetByLabel("Titel", new() { Exact = true }).FillAsync("Fietsplan en leasefiets");
        var tags = page.GetByRole(AriaRole.Combobox, new() { Name = "Tags" });
        await tags.PressSequentiallyAsync("onb");
        // "onboarding" is a tag of the sample's handbook: suggested while typing, picked with the keyboard.
        var suggestion = page.GetByRole(AriaRole.Option, new() { Name = "onboarding" });
        await Expect(suggestion).ToBeVisibleAsync();
        await Expect(tags).ToHaveAttributeAsync("aria-expanded", "true");
        await Shots.BothWidthsAsync(page, "editor-fields-suggestions");
        await tags.PressAsync("ArrowDown");
        await Expect(suggestion).ToHaveAttributeAsync("aria-selected", "true");
        await tags.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Tag onboarding verwijderen" })).ToBeVisibleAsync();
        await Expect(tags).ToHaveValueAsync("");
        // The fields are kept in the draft like the text: the whole file, with the keys not shown.
        await Expect(page.Locator("#draft-status")).ToContainTextAsync("Concept bewaard");
        var draft = await Eventually.UntilAsync(
            async () => (await server.Api().GetFromJsonAsync<JsonElement>("/api/pages/handboek/fietsplan/draft")).GetProperty("markdown").GetString() ?? "",
            markdown => markdown.Contains("onboarding"),
            "the draft to carry the picked tag");
        Assert.Contains("title: Fietsplan en leasefiets\n", draft);
        Assert.Contains("owner: petra\n", draft);
        await Shots.BothWidthsAsync(page, "editor-fields");

        await page.SaveAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/wiki/handboek/fietsplan\\?saved="));
        await Expect(page.Locator("h1").First).ToHaveTextAsync("Fietsplan en leasefiets");
        await Expect(page.Locator(".tag", new() { HasText = "onboarding" })).ToBeVisibleAsync();
        var saved = await server.Api().GetFromJsonAsync<JsonElement>("/api/pages/handboek/fietsplan");
        Assert.Equal(File.Replace("title: Fietsplan\n", "title: Fietsplan en leasefiets\n").Replace("tags: [fietsen]", "tags: [fietsen, onboarding]"), saved.GetProperty("markdown").GetString());
    }

    private static class Shots
    {
        private static readonly string Folder = Path.Combine(Path.GetTempPath(), "shots-i12-fields");

        public static async Task BothWidthsAsync(IPage page, string name)
        {
            Directory.CreateDirectory(Folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, name + "-1280.png") });
            await page.SetViewportSizeAsync(390, 844);
            await page.Locator("#page-fields").ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, name + "-390.png") });
            await page.SetViewportSizeAsync(1280, 900);
        }
    }
}
