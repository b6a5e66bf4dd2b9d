using System.Net.Http.Json;
using Microsoft.Playwright;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Pages;

[Collection(BrowserCollection.Name)]
public class PageEditingTests(Browser browser, WikiServer server)
{
    [Fact]
    public async Task APersonCreatesAPageFromTheNewPageForm()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(server.Url);
        await page.GotoAsync(server.Url + "/wiki/kennisbank");
        await page.ClickAsync("main >> text=Nieuwe pagina");

        await page.FillAsync("#new-title", "Koffiezetapparaat schoonmaken");
        await page.ClickAsync("#create-page");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/edit/kennisbank/koffiezetapparaat-schoonmaken"));
        await page.WaitForEditorAsync();

        await page.Locator("#editor-text").PressAsync("Control+End");
        await page.Locator("#editor-text").PressSequentiallyAsync("Eén keer per week ontkalken met azijn.\n");
        await page.SaveAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/wiki/kennisbank/koffiezetapparaat-schoonmaken\\?saved=created"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Koffiezetapparaat schoonmaken");
        await Expect(page.Locator(".markdown-body")).ToContainTextAsync("ontkalken met azijn");
        await Expect(page.Locator("#save-notice")).ToBeVisibleAsync();
        await Expect(page.Locator(".page-tree")).ToContainTextAsync("Koffiezetapparaat schoonmaken");
    }

    [Fact]
    public async Task ThePreviewFollowsTheTextWhileTyping()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(server.Url);
        await page.OpenEditorAsync(server.Url, "handboek/welkom");

        var editor = page.Locator("#editor-text");
        await editor.PressAsync("Control+End");
        await editor.PressSequentiallyAsync("\n\n## Live voorbeeld\n\nDit is **vet** en een [[Wachtwoordbeleid]].\n");

        await Expect(page.Locator("#preview h2", new() { HasText = "Live voorbeeld" })).ToBeVisibleAsync();
        await Expect(page.Locator("#preview strong", new() { HasText = "vet" })).ToBeVisibleAsync();
        await Expect(page.Locator("#preview a.wikilink", new() { HasText = "Wachtwoordbeleid" })).ToHaveAttributeAsync("href", "/wiki/handboek/beveiliging/wachtwoordbeleid");

        // The toolbar wraps the selection.
        await editor.FillAsync("woord");
        await editor.SelectTextAsync();
        await page.ClickAsync("[data-md=bold]");
        await Expect(editor).ToHaveValueAsync("**woord**");
        await Expect(page.Locator("#preview strong", new() { HasText = "woord" })).ToBeVisibleAsync();

        // Nothing was saved by typing.
        var saved = await server.Api().GetFromJsonAsync<PageDto>("/api/pages/handboek/welkom");
        Assert.DoesNotContain("Live voorbeeld", saved!.Markdown);
    }

    [Fact]
    public async Task AWikiLinkToAMissingPageOpensTheEditorAndCreatesIt()
    {
        await server.Api().PutAsJsonAsync("/api/pages/project-atlas/links-test", new { markdown = "---\ntitle: Links test\n---\n\nZie ook [[Nog te schrijven pagina]].\n" });
        var page = await browser.NewPageAsync();
        await page.SignInAsync(server.Url);
        await page.GotoAsync(server.Url + "/wiki/project-atlas/links-test");

        var missing = page.Locator(".markdown-body a.wikilink.missing", new() { HasText = "Nog te schrijven pagina" });
        await Expect(missing).ToBeVisibleAsync();
        await missing.ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/edit/project-atlas/nog-te-schrijven-pagina"));
        await page.WaitForEditorAsync();
        await Expect(page.Locator("#page-title")).ToHaveValueAsync("Nog te schrijven pagina");
        await Expect(page.Locator("#editor-text")).Not.ToHaveValueAsync(new System.Text.RegularExpressions.Regex("title:"));
        await page.Locator("#editor-text").PressAsync("Control+End");
        await page.Locator("#editor-text").PressSequentiallyAsync("Nu geschreven.");
        await page.SaveAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nog te schrijven pagina");

        await page.GotoAsync(server.Url + "/wiki/project-atlas/links-test");
        var link = page.Locator(".markdown-body a.wikilink", new() { HasText = "Nog te schrijven pagina" });
        await Expect(link).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("missing"));
        await Expect(link).ToHaveAttributeAsync("href", "/wiki/project-atlas/nog-te-schrijven-pagina");
    }

    [Fact]
    public async Task HistoryListsEveryChangeAndTheDiffShowsWhatChanged()
    {
        var api = server.Api();
        await api.PutAsJsonAsync("/api/pages/handboek/historie-e2e", new { markdown = "---\ntitle: Historie\n---\n\nDe vergadering is op maandag.\nKoffie staat klaar.\n", message = "Eerste opzet" });
        await api.PutAsJsonAsync("/api/pages/handboek/historie-e2e", new { markdown = "---\ntitle: Historie\n---\n\nDe vergadering is op dinsdag.\nKoffie staat klaar.\n", message = "Vergaderdag aangepast" });

        var page = await browser.NewPageAsync();
        await page.SignInAsync(server.Url);
        await page.GotoAsync(server.Url + "/wiki/handboek/historie-e2e");
        await page.ClickAsync("text=Geschiedenis");

        var rows = page.Locator("table.history tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First).ToContainTextAsync("Vergaderdag aangepast");
        await Expect(rows.Nth(1)).ToContainTextAsync("Eerste opzet");
        await Expect(rows.First).ToContainTextAsync("Anna Admin");

        await page.ClickAsync("#compare");
        await Expect(page.Locator("h1")).ToContainTextAsync("Wijzigingen");
        await Expect(page.Locator("td.diff-del")).ToContainTextAsync("maandag");
        await Expect(page.Locator("td.diff-ins")).ToContainTextAsync("dinsdag");
        await Expect(page.Locator("td.diff-ins .diff-sign").First).ToHaveTextAsync("+");
    }

    [Fact]
    public async Task RestoringAnOldVersionMakesItCurrentAgain()
    {
        var api = server.Api();
        await api.PutAsJsonAsync("/api/pages/handboek/terugzetten-e2e", new { markdown = "---\ntitle: Terugzetten\n---\n\nDe goede tekst.\n", message = "Goed" });
        await api.PutAsJsonAsync("/api/pages/handboek/terugzetten-e2e", new { markdown = "---\ntitle: Terugzetten\n---\n\nPer ongeluk alles weggehaald.\n", message = "Fout" });

        var page = await browser.NewPageAsync();
        await page.SignInAsync(server.Url);
        await page.GotoAsync(server.Url + "/history/handboek/terugzetten-e2e");
        await page.Locator("table.history tbody tr").Nth(1).Locator("text=Terugzetten").ClickAsync();

        await Expect(page.Locator("h1")).ToContainTextAsync("oude versie");
        await page.ClickAsync("#confirm-revert");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("saved=reverted"));
        await Expect(page.Locator(".markdown-body")).ToContainTextAsync("De goede tekst.");
        await page.ClickAsync("text=Geschiedenis");
        await Expect(page.Locator("table.history tbody tr")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task MovingAndDeletingAskFirstAndKeepHistory()
    {
        await server.Api().PutAsJsonAsync("/api/pages/kennisbank/verhuis-e2e", new { markdown = "---\ntitle: Verhuizen\n---\n\nInhoud.\n" });
        var page = await browser.NewPageAsync();
        await page.SignInAsync(server.Url);
        await page.GotoAsync(server.Url + "/wiki/kennisbank/verhuis-e2e");

        await page.ClickAsync("text=Verplaatsen of hernoemen");
        await page.FillAsync("#move-to", "project-atlas/verhuisd e2e");
        await page.ClickAsync("button:has-text('Verplaatsen')");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/wiki/project-atlas/verhuisd-e2e"));
        await Expect(page.Locator(".markdown-body")).ToContainTextAsync("Inhoud.");

        await page.ClickAsync(".page-actions >> text=Verwijderen");
        await Expect(page.Locator("h1")).ToContainTextAsync("verwijderen?");
        await page.ClickAsync("#confirm-delete");
        await Expect(page).ToHaveURLAsync(server.Url + "/wiki/project-atlas");
        var response = await server.Api().GetAsync("/api/pages/project-atlas/verhuisd-e2e");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    private sealed record PageDto(string Markdown, string Revision);
}
