using System.Net;
using System.Net.Http.Headers;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Accounts;

[Collection(BrowserCollection.Name)]
public class UserManagementTests(Browser browser, WikiServer server)
{
    [Fact]
    public async Task AnAdminAddsAColleagueWhoMakesATokenAndIsLaterDisabled()
    {
        var admin = await browser.NewPageAsync();
        await admin.SignInAsync(server.Url);
        await admin.ClickAsync(".user-menu >> text=Gebruikers");
        await admin.FillAsync("#user-name", "Daan Visser");
        await admin.FillAsync("#user-email", "daan@example.org");
        await admin.FillAsync("#user-password", "Daan-wachtwoord-1");
        await admin.ClickAsync("#create-user");
        await Expect(admin.Locator("[role=status]")).ToContainTextAsync("daan@example.org");
        var row = admin.Locator("table.users tr", new() { HasText = "daan@example.org" });
        await Expect(row).ToContainTextAsync("@daan");
        await Expect(row).ToContainTextAsync("Actief");

        // Daan signs in and makes a token for a script.
        var daan = await browser.NewPageAsync();
        await daan.SignInAsync(server.Url, "daan@example.org", "Daan-wachtwoord-1");
        await daan.ClickAsync(".user-menu .user-name");
        await daan.FillAsync("#token-name", "back-upscript");
        await daan.ClickAsync("#create-token");
        var token = (await daan.Locator("#new-token").TextContentAsync())!.Trim();
        Assert.StartsWith("tw_", token);
        await Expect(daan.Locator("table.tokens")).ToContainTextAsync("back-upscript");

        using var api = new HttpClient { BaseAddress = new Uri(server.Url) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/me")).StatusCode);

        // The admin disables Daan: the token stops working and signing in is refused.
        await admin.ReloadAsync();
        await admin.Locator("table.users tr", new() { HasText = "daan@example.org" }).Locator("button", new() { HasText = "Uitschakelen" }).ClickAsync();
        await Expect(admin.Locator("table.users tr", new() { HasText = "daan@example.org" })).ToContainTextAsync("Uitgeschakeld");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/me")).StatusCode);

        var again = await browser.NewPageAsync();
        await again.GotoAsync(server.Url + "/account/login");
        await again.FillAsync("#login-email", "daan@example.org");
        await again.FillAsync("#login-password", "Daan-wachtwoord-1");
        await again.ClickAsync("#login-submit");
        // The same answer as for a wrong password: the form does not tell a stranger which accounts exist.
        await Expect(again.Locator("#login-error")).ToContainTextAsync("E-mailadres of wachtwoord is niet juist.");
        await Expect(again.Locator(".user-menu .user-name")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AMemberCannotOpenTheUserAdministration()
    {
        await server.CreateUserAsync("eva@example.org", "Eva Smit", "Eva-wachtwoord-1");
        var eva = await browser.NewPageAsync();
        await eva.SignInAsync(server.Url, "eva@example.org", "Eva-wachtwoord-1");
        await Expect(eva.Locator(".user-menu")).Not.ToContainTextAsync("Gebruikers");
        await eva.GotoAsync(server.Url + "/admin/users");
        await Expect(eva.Locator("h1")).ToHaveTextAsync("Geen toegang");
    }
}
