using System.Net.Http.Json;
using System.Text.RegularExpressions;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Pages;

[Collection(BrowserCollection.Name)]
public class ConcurrentEditingTests(Browser browser, WikiServer server)
{
    private const string Text = "---\ntitle: Samen schrijven\n---\n\nEerste alinea over het project.\n\nMiddelste alinea blijft staan.\n\nLaatste alinea over de planning.\n";

    [Fact]
    public async Task TwoPeopleEditingDifferentPartsBothKeepTheirChanges()
    {
        await server.Api().PutAsJsonAsync("/api/pages/project-atlas/samen-e2e", new { markdown = Text });
        await server.CreateUserAsync("bob@example.org", "Bob Jansen", "Bob-wachtwoord-1");
        var alice = await browser.NewPageAsync();
        var bob = await browser.NewPageAsync();
        await alice.SignInAsync(server.Url);
        await bob.SignInAsync(server.Url, "bob@example.org", "Bob-wachtwoord-1");
        await alice.OpenEditorAsync(server.Url, "project-atlas/samen-e2e");
        await bob.OpenEditorAsync(server.Url, "project-atlas/samen-e2e");

        await alice.Locator("#editor-text").FillAsync(Text.Replace("Eerste alinea", "Eerste alinea (Alice)"));
        await alice.SaveAsync();
        await Expect(alice).ToHaveURLAsync(new Regex("saved=updated"));

        await bob.Locator("#editor-text").FillAsync(Text.Replace("Laatste alinea", "Laatste alinea (Bob)"));
        await bob.SaveAsync();

        await Expect(bob).ToHaveURLAsync(new Regex("saved=merged"));
        await Expect(bob.Locator("#save-notice")).ToContainTextAsync("samengevoegd");
        await Expect(bob.Locator(".markdown-body")).ToContainTextAsync("Eerste alinea (Alice)");
        await Expect(bob.Locator(".markdown-body")).ToContainTextAsync("Laatste alinea (Bob)");
    }

    [Fact]
    public async Task TwoPeopleEditingTheSameLineSeeTheConflictAndNothingIsLost()
    {
        await server.Api().PutAsJsonAsync("/api/pages/project-atlas/botsing-e2e", new { markdown = Text });
        var alice = await browser.NewPageAsync();
        var bob = await browser.NewPageAsync();
        await alice.SignInAsync(server.Url);
        await bob.SignInAsync(server.Url);
        await alice.OpenEditorAsync(server.Url, "project-atlas/botsing-e2e");
        await bob.OpenEditorAsync(server.Url, "project-atlas/botsing-e2e");

        await alice.Locator("#editor-text").FillAsync(Text.Replace("Middelste alinea blijft staan.", "Middelste alinea volgens Alice."));
        await alice.SaveAsync();
        await Expect(alice).ToHaveURLAsync(new Regex("saved=updated"));

        var bobText = Text.Replace("Middelste alinea blijft staan.", "Middelste alinea volgens Bob.");
        await bob.Locator("#editor-text").FillAsync(bobText);
        await bob.SaveAsync();

        // Bob stays in the editor, sees both versions, and keeps his text.
        await Expect(bob.Locator("#conflict")).ToBeVisibleAsync();
        await Expect(bob.Locator("#conflict .diff-del")).ToContainTextAsync("volgens Alice");
        await Expect(bob.Locator("#conflict .diff-ins")).ToContainTextAsync("volgens Bob");
        await Expect(bob.Locator("#editor-text")).ToHaveValueAsync(bobText);
        var stored = await server.Api().GetFromJsonAsync<PageDto>("/api/pages/project-atlas/botsing-e2e");
        Assert.Contains("volgens Alice", stored!.Markdown);

        // Resolving: Bob keeps both sentences and saves again.
        await bob.Locator("#editor-text").FillAsync(Text.Replace("Middelste alinea blijft staan.", "Middelste alinea volgens Alice en Bob."));
        await bob.SaveAsync();
        await Expect(bob).ToHaveURLAsync(new Regex("saved=updated"));
        await Expect(bob.Locator(".markdown-body")).ToContainTextAsync("volgens Alice en Bob");
    }

    private sealed record PageDto(string Markdown);
}
