using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Pages;

/// <summary>Nothing typed or deleted is lost: the leave warning, drafts, the trash, and old addresses after a move.</summary>
[Collection(BrowserCollection.Name)]
public class NeverLoseWorkTests(Browser browser, WikiServer server)
{
    private const string Typed = "Deze zin is nog niet opgeslagen.";

    [Fact]
    public async Task LeavingTheEditorWithUnsavedTextAsksFirstAndTheDraftComesBackInANewTab()
    {
        (await server.Api().PutAsJsonAsync("/api/pages/handboek/concept-e2e", new { markdown = "---\ntitle: Concept e2e\n---\n\nBestaande tekst.\n" })).EnsureSuccessStatusCode();
        var page = await browser.NewPageAsync(locale: "nl-NL");
        var dialogs = new List<(string Type, string Message)>();
        TaskCompletionSource<string> nextDialog = new(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Dialog += async (_, dialog) =>
        {
            lock (dialogs)
            {
                dialogs.Add((dialog.Type, dialog.Message));
            }

            // Stay: the person changes their mind each time.
            await dialog.DismissAsync();
            nextDialog.TrySetResult(dialog.Type);
        };
        await page.SignInAsync(server.Url);
        await page.OpenEditorAsync(server.Url, "handboek/concept-e2e");
        var editor = page.Locator("#editor-text");
        await editor.PressAsync("Control+End");
        await editor.PressSequentiallyAsync(Typed);
        await Expect(page.Locator("#draft-status")).ToContainTextAsync("Concept bewaard");

        // In-app navigation (Blazor's enhanced navigation) asks, and staying keeps the text.
        await page.ClickAsync("a[data-leave]");
        Assert.Equal("confirm", await nextDialog.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("niet-opgeslagen wijzigingen", dialogs[0].Message);
        await Expect(page).ToHaveURLAsync(new Regex("/edit/handboek/concept-e2e$"));
        await Expect(editor).ToHaveValueAsync(new Regex(Regex.Escape(Typed)));

        // So does a reload.
        nextDialog = new(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.EvaluateAsync("() => setTimeout(() => location.reload(), 0)");
        Assert.Equal("beforeunload", await nextDialog.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        await Expect(editor).ToHaveValueAsync(new Regex(Regex.Escape(Typed)));

        // The tab is closed without saving; a new one offers the draft.
        await page.CloseAsync(new() { RunBeforeUnload = false });
        var again = await browser.NewPageAsync(locale: "nl-NL");
        await again.SignInAsync(server.Url);
        await again.OpenEditorAsync(server.Url, "handboek/concept-e2e");
        await Expect(again.Locator("#draft-offer")).ToBeVisibleAsync();
        await Expect(again.Locator("#editor-text")).Not.ToHaveValueAsync(new Regex(Regex.Escape(Typed)));
        await again.ScreenshotAsync(new() { Path = Shots.Path("draft-offer-1280.png"), FullPage = true });
        await again.SetViewportSizeAsync(390, 844);
        await again.ScreenshotAsync(new() { Path = Shots.Path("draft-offer-390.png"), FullPage = true });
        await again.SetViewportSizeAsync(1280, 900);

        await again.ClickAsync("#draft-continue");
        await Expect(again.Locator("#editor-text")).ToHaveValueAsync(new Regex(Regex.Escape(Typed)));
        await Expect(again.Locator("#draft-offer")).ToHaveCountAsync(0);
        await again.SaveAsync();

        await Expect(again).ToHaveURLAsync(new Regex("/wiki/handboek/concept-e2e\\?saved="));
        await Expect(again.Locator(".markdown-body")).ToContainTextAsync(Typed);
        // Saving removed the draft: the next edit starts clean.
        Assert.Equal(HttpStatusCode.NotFound, (await server.Api().GetAsync("/api/pages/handboek/concept-e2e/draft")).StatusCode);
    }

    [Fact]
    public async Task ADeletedPageIsRestoredFromTheTrashWithItsHistory()
    {
        var api = server.Api();
        var first = await (await api.PutAsJsonAsync("/api/pages/handboek/prullenbak-e2e", new { markdown = "---\ntitle: Weggegooid verslag\n---\n\nEerste versie.\n" })).Content.ReadFromJsonAsync<Saved>();
        (await api.PutAsJsonAsync("/api/pages/handboek/prullenbak-e2e", new { markdown = "---\ntitle: Weggegooid verslag\n---\n\nTweede versie.\n", baseRevision = first!.Revision })).EnsureSuccessStatusCode();
        var page = await browser.NewPageAsync(locale: "nl-NL");
        await page.SignInAsync(server.Url);

        await page.GotoAsync(server.Url + "/delete/handboek/prullenbak-e2e");
        await page.ClickAsync("#confirm-delete");
        await Expect(page).ToHaveURLAsync(new Regex("/wiki/handboek$"));
        await page.ClickAsync("#space-trash-link");

        var entry = page.Locator(".trash-entry[data-path='handboek/prullenbak-e2e']");
        await Expect(entry).ToContainTextAsync("Weggegooid verslag");
        await Expect(entry).ToContainTextAsync("Anna Admin");
        await page.ScreenshotAsync(new() { Path = Shots.Path("trash-1280.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Shots.Path("trash-390.png"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 900);

        // The history of the deleted page stays readable.
        await entry.Locator("a", new() { HasText = "Geschiedenis" }).ClickAsync();
        await Expect(page.Locator("#history-deleted")).ToBeVisibleAsync();
        await Expect(page.Locator("table.history tbody tr")).ToHaveCountAsync(3);
        await page.GoBackAsync();

        await page.Locator(".trash-entry[data-path='handboek/prullenbak-e2e'] button").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/wiki/handboek/prullenbak-e2e\\?saved=restored"));
        await Expect(page.Locator(".markdown-body")).ToContainTextAsync("Tweede versie.");
        await page.GotoAsync(server.Url + "/history/handboek/prullenbak-e2e");
        await Expect(page.Locator("table.history tbody tr")).ToHaveCountAsync(4);
        await page.GotoAsync(server.Url + "/spaces/handboek/trash");
        await Expect(page.Locator(".trash-entry[data-path='handboek/prullenbak-e2e']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AfterAMoveTheOldAddressLeadsToThePageAndLinksToItAreRewritten()
    {
        var api = server.Api();
        (await api.PutAsJsonAsync("/api/pages/kennisbank/verhuis-e2e", new { markdown = "---\ntitle: Verhuisbericht\n---\n\nWe zitten nu ergens anders.\n" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync("/api/pages/kennisbank/wijst-naar-verhuis-e2e", new { markdown = "Lees [[kennisbank/verhuis-e2e|het verhuisbericht]].\n" })).EnsureSuccessStatusCode();
        var page = await browser.NewPageAsync(locale: "nl-NL");
        await page.SignInAsync(server.Url);

        await page.GotoAsync(server.Url + "/move/kennisbank/verhuis-e2e");
        await Expect(page.Locator("#move-rewrite-links")).ToBeCheckedAsync();
        await Expect(page.Locator("#move-links-help")).ToContainTextAsync("1");
        await page.FillAsync("#move-to", "kennisbank/verhuisd-e2e");
        await page.ScreenshotAsync(new() { Path = Shots.Path("move-1280.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Shots.Path("move-390.png"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 900);
        await page.ClickAsync("form.stacked-form button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("/wiki/kennisbank/verhuisd-e2e\\?saved=moved"));

        // A bookmark of the old address still works.
        await page.GotoAsync(server.Url + "/wiki/kennisbank/verhuis-e2e");
        await Expect(page).ToHaveURLAsync(new Regex("/wiki/kennisbank/verhuisd-e2e$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Verhuisbericht");

        // The link on the other page was rewritten in the same change, its label kept.
        await page.GotoAsync(server.Url + "/wiki/kennisbank/wijst-naar-verhuis-e2e");
        var link = page.Locator(".markdown-body a.wikilink", new() { HasText = "het verhuisbericht" });
        await Expect(link).ToHaveAttributeAsync("href", "/wiki/kennisbank/verhuisd-e2e");
        var stored = await api.GetFromJsonAsync<Saved>("/api/pages/kennisbank/wijst-naar-verhuis-e2e");
        Assert.Contains("[[kennisbank/verhuisd-e2e|het verhuisbericht]]", stored!.Markdown);
    }

    private sealed record Saved(string Revision, string? Markdown);

    private static class Shots
    {
        public static string Path(string name)
        {
            var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "shots-i12-lostwork");
            Directory.CreateDirectory(folder);
            return System.IO.Path.Combine(folder, name);
        }
    }
}
