using Microsoft.Playwright;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Accounts;

[Collection(BrowserCollection.Name)]
public class FirstRunTests(Browser browser, FreshWikiServer server) : IClassFixture<FreshWikiServer>
{
    [Fact]
    public async Task TheFirstVisitorSetsUpTheAdminSignsOutAndSignsInAgain()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.Url + "/wiki/handboek/welkom");

        await Expect(page).ToHaveURLAsync(server.Url + "/setup");
        await Expect(page.Locator("h1")).ToHaveTextAsync("TeamWiki instellen");
        await page.FillAsync("#setup-name", "Sanne de Vries");
        await page.FillAsync("#setup-email", "sanne@example.org");
        await page.FillAsync("#setup-password", "kort");
        await page.ClickAsync("#setup-submit");
        // The browser's own minlength check stops a too short password before it is sent.
        await Expect(page).ToHaveURLAsync(server.Url + "/setup");

        await page.FillAsync("#setup-password", "Wiki-wachtwoord-1");
        await page.ClickAsync("#setup-submit");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Welkom bij TeamWiki");
        await Expect(page.Locator(".user-menu .user-name")).ToHaveTextAsync("Sanne de Vries");
        await Expect(page.Locator(".space-cards")).ToContainTextAsync("Teamhandboek");

        await page.ClickAsync("text=Uitloggen");
        await Expect(page).ToHaveURLAsync(server.Url + "/account/login");

        await page.FillAsync("#login-email", "sanne@example.org");
        await page.FillAsync("#login-password", "verkeerd-wachtwoord");
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("#login-error")).ToContainTextAsync("niet juist");

        await page.FillAsync("#login-password", "Wiki-wachtwoord-1");
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator(".user-menu .user-name")).ToHaveTextAsync("Sanne de Vries");

        // Setup is closed once an admin exists.
        await page.GotoAsync(server.Url + "/setup");
        await Expect(page).Not.ToHaveURLAsync(server.Url + "/setup");
    }
}
