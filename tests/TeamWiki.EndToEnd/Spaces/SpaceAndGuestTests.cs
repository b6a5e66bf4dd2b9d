using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Spaces;

[Collection(BrowserCollection.Name)]
public class SpaceAndGuestTests(Browser browser, WikiServer server)
{
    [Fact]
    public async Task AnOwnerCreatesASpaceInvitesAGuestAndTheGuestSeesOnlyThatSpace()
    {
        var admin = await browser.NewPageAsync();
        await admin.SignInAsync(server.Url);
        await admin.GotoAsync(server.Url + "/spaces");
        await admin.ClickAsync("#new-space");
        await admin.FillAsync("#space-name", "Project Zeeland");
        // The browser checks the key before sending it (the pattern was once invalid, so ignored, with a console error).
        await admin.FillAsync("#space-key", "zee/land");
        await Expect(admin.Locator("#space-key:invalid")).ToHaveCountAsync(1);
        await admin.FillAsync("#space-key", "zeeland");
        await Expect(admin.Locator("#space-key:invalid")).ToHaveCountAsync(0);
        await admin.FillAsync("#space-description", "Dijkversterking met de provincie");
        await admin.SelectOptionAsync("#space-visibility", "private");
        await admin.ClickAsync("#create-space");
        await Expect(admin).ToHaveURLAsync(new Regex("/wiki/zeeland$"));
        await Expect(admin.Locator("h1")).ToContainTextAsync("Project Zeeland");

        var put = await server.Api().PutAsJsonAsync("/api/pages/zeeland/planning", new { markdown = "# Planning\n\nDe dijkversterking begint in maart." });
        put.EnsureSuccessStatusCode();

        await admin.ClickAsync("#space-settings-link");
        await admin.FillAsync("#invite-name", "Klaas Klant");
        await admin.FillAsync("#invite-email", "klaas@klant.example");
        await admin.ClickAsync("#invite-submit");
        var link = (await admin.Locator("#invitation-link").TextContentAsync())!.Trim();

        // The guest chooses a password with the invitation and lands in the space.
        var guest = await browser.NewPageAsync();
        await guest.GotoAsync(link);
        await guest.FillAsync("#invitation-password", "Klant-wachtwoord-1");
        await guest.ClickAsync("#invitation-accept");
        await Expect(guest).ToHaveURLAsync(new Regex("/wiki/zeeland$"));

        // The navigation lists one space.
        await Expect(guest.Locator(".space-list > li")).ToHaveCountAsync(1);
        await Expect(guest.Locator(".space-list")).ToContainTextAsync("Project Zeeland");

        // Its pages are there; the handbook, readable by all staff, does not exist for the guest.
        await guest.GotoAsync(server.Url + "/wiki/zeeland/planning");
        await Expect(guest.Locator(".markdown-body")).ToContainTextAsync("dijkversterking begint");
        guest.ExpectError("status of 404");
        var handbook = await guest.GotoAsync(server.Url + "/wiki/handboek");
        Assert.Equal(404, handbook!.Status);

        // Search finds what is in the space and nothing outside it (the handbook is about holidays).
        await guest.GotoAsync(server.Url + "/search?q=dijkversterking");
        await Expect(guest.Locator(".results")).ToContainTextAsync("Planning");
        await guest.GotoAsync(server.Url + "/search?q=vakantie");
        await Expect(guest.Locator(".no-results")).ToBeVisibleAsync();

        // And the API, with the guest's own cookie, says the same.
        var spaces = await guest.Context.APIRequest.GetAsync(server.Url + "/api/spaces");
        var keys = JsonDocument.Parse(await spaces.TextAsync()).RootElement.EnumerateArray().Select(s => s.GetProperty("key").GetString()).ToList();
        Assert.Equal(["zeeland"], keys);
    }

    [Fact]
    public async Task TheSpaceHomeShowsOpenTasksRecentDocumentsAndActivity()
    {
        var api = server.Api();
        (await api.PostAsJsonAsync("/api/spaces", new { key = "thuisbasis", name = "Thuisbasis" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/spaces/thuisbasis/tasks", new { title = "Kozijnen schilderen", status = "doing" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/spaces/thuisbasis/tasks", new { title = "Oplevering vieren", status = "done" })).EnsureSuccessStatusCode();
        using var form = new MultipartFormDataContent { { new ByteArrayContent("Verfkleuren: wit en groen"u8.ToArray()), "files", "verfkeuze.txt" } };
        (await api.PostAsync("/api/spaces/thuisbasis/documents", form)).EnsureSuccessStatusCode();

        var page = await browser.NewPageAsync();
        await page.SignInAsync(server.Url);
        await page.GotoAsync(server.Url + "/wiki/thuisbasis");

        await Expect(page.Locator("#space-open-tasks")).ToContainTextAsync("Kozijnen schilderen");
        await Expect(page.Locator("#space-open-tasks")).Not.ToContainTextAsync("Oplevering vieren");
        await Expect(page.Locator("#space-open-tasks")).ToContainTextAsync("Bezig");
        await Expect(page.Locator("section", new() { Has = page.Locator("#recent-documents-heading") })).ToContainTextAsync("verfkeuze.txt");
        await Expect(page.Locator("#space-activity")).ToContainTextAsync("Kozijnen schilderen");
        await page.ClickAsync("#space-activity a:has-text('verfkeuze.txt')");
        await Expect(page.Locator("#document-name")).ToHaveTextAsync("verfkeuze.txt");
        await Expect(page.Locator("#document-text")).ToContainTextAsync("wit en groen");
    }
}
