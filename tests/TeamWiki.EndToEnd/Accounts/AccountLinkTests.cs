using System.Net.Http.Json;
using Microsoft.Playwright;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Accounts;

/// <summary>Accounts people manage themselves, on the shared server (which sends no e-mail).</summary>
[Collection(BrowserCollection.Name)]
public class AccountLinkTests(Browser browser, WikiServer server)
{
    [Fact]
    public async Task AnInvitedColleagueChoosesAPasswordAndLaterChangesIt()
    {
        var admin = await browser.NewPageAsync();
        await admin.SignInAsync(server.Url);
        await admin.GotoAsync(server.Url + "/admin/users");
        await admin.FillAsync("#invite-name", "Femke de Boer");
        await admin.FillAsync("#invite-email", "femke@example.org");
        await admin.ClickAsync("#invite-submit");
        // No e-mail configured: the link is shown to the inviter, once.
        await Expect(admin.Locator("#invitation-made")).ToContainTextAsync("Stuur deze link zelf naar femke@example.org");
        var link = (await admin.Locator("#invitation-link").TextContentAsync())!.Trim();
        await Expect(admin.Locator("#pending-invitations")).ToContainTextAsync("Femke de Boer");
        await Shots.BothWidthsAsync(admin, "users-invitation", admin.Locator("#invite-heading"));

        var femke = await browser.NewPageAsync();
        await femke.GotoAsync(link);
        await Expect(femke.Locator("#invitation-welcome")).ToContainTextAsync("Hallo Femke de Boer");
        await Shots.BothWidthsAsync(femke, "invitation-accept");
        await femke.FillAsync("#invitation-password", "Femke-kiest-1");
        await femke.ClickAsync("#invitation-accept");
        await Expect(femke.Locator(".user-menu .user-name")).ToContainTextAsync("Femke de Boer");

        // The link worked once; the invitation left the pending list.
        var again = await browser.NewPageAsync();
        await again.GotoAsync(link);
        await Expect(again.Locator("#invitation-invalid")).ToBeVisibleAsync();
        await admin.GotoAsync(server.Url + "/admin/users");
        await Expect(admin.Locator("#pending-heading")).ToBeVisibleAsync();
        await Expect(admin.Locator("#pending-invitations li", new() { HasText = "femke@example.org" })).ToHaveCountAsync(0);

        // Femke makes an API token for a script, then changes her password on her profile; a wrong current
        // password is refused first. The change revokes the token.
        await femke.ClickAsync(".user-menu .user-name");
        await femke.FillAsync("#token-name", "Femkes script");
        await femke.ClickAsync("#create-token");
        var token = (await femke.Locator("#new-token").TextContentAsync())!.Trim();
        using var script = new HttpClient { BaseAddress = new Uri(server.Url) };
        script.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await script.GetAsync("/api/me")).StatusCode);
        await femke.FillAsync("#password-current", "Niet-het-wachtwoord");
        await femke.FillAsync("#password-new", "Femke-nieuw-22");
        await femke.ClickAsync("#password-save");
        await Expect(femke.Locator("#password-errors")).ToContainTextAsync("Het huidige wachtwoord is niet juist.");
        await femke.FillAsync("#password-current", "Femke-kiest-1");
        await femke.FillAsync("#password-new", "Femke-nieuw-22");
        await femke.ClickAsync("#password-save");
        await Expect(femke.Locator("#password-changed")).ToContainTextAsync("je API-tokens werken niet meer");
        await Expect(femke.Locator(".user-menu .user-name")).ToContainTextAsync("Femke de Boer");
        await Expect(femke.Locator("table.tokens tr.revoked", new() { HasText = "Femkes script" })).ToHaveCountAsync(1);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await script.GetAsync("/api/me")).StatusCode);
        await Shots.BothWidthsAsync(femke, "profile-password", femke.Locator("#password-heading"));

        var later = await browser.NewPageAsync();
        await later.SignInAsync(server.Url, "femke@example.org", "Femke-nieuw-22");
    }

    [Fact]
    public async Task AnOwnerInvitesAGuestIntoTheSpaceAndRevokesAnotherInvitation()
    {
        (await server.Api().PostAsJsonAsync("/api/spaces", new { key = "bouwteam", name = "Bouwteam", visibility = "private", taskPrefix = "BT" })).EnsureSuccessStatusCode();
        await server.CreateUserAsync("olga@example.org", "Olga Eigenaar", "Olga-wachtwoord-1");
        (await server.Api().PutAsJsonAsync("/api/spaces/bouwteam/members/olga@example.org", new { role = "owner" })).EnsureSuccessStatusCode();
        var owner = await browser.NewPageAsync(width: 390, height: 844);
        await owner.SignInAsync(server.Url, "olga@example.org", "Olga-wachtwoord-1");
        await owner.GotoAsync(server.Url + "/spaces/bouwteam/settings");
        foreach (var (name, email) in new[] { ("Karel Klant", "karel@klant.example"), ("Vera Vergissing", "vera@klant.example") })
        {
            await owner.FillAsync("#invite-name", name);
            await owner.FillAsync("#invite-email", email);
            await owner.ClickAsync("#invite-submit");
            await Expect(owner.Locator("#invitation-made")).ToContainTextAsync(email);
        }

        // An owner invites guests only: staff roles are an administrator's to give.
        await Expect(owner.Locator("#invite-role")).ToHaveCountAsync(0);
        await Expect(owner.Locator("#pending-invitations li")).ToHaveCountAsync(2);
        await Expect(owner.Locator("#pending-invitations")).ToContainTextAsync("Gast");
        await Shots.BothWidthsAsync(owner, "space-invitations", owner.Locator("#pending-heading"));
        var veraLink = (await owner.Locator("#invitation-link").TextContentAsync())!.Trim();
        await owner.Locator("#pending-invitations li", new() { HasText = "vera@klant.example" }).Locator("button").ClickAsync();
        await Expect(owner.Locator("#pending-invitations li")).ToHaveCountAsync(1);
        await Expect(owner.Locator("#pending-invitations")).ToContainTextAsync("karel@klant.example");

        var vera = await browser.NewPageAsync(width: 390, height: 844);
        await vera.GotoAsync(veraLink);
        await Expect(vera.Locator("#invitation-invalid")).ToBeVisibleAsync();
        await Expect(vera.Locator("#invitation-password")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task WithoutEmailAnAdministratorsResetLinkLetsSomeoneBackIn()
    {
        await server.CreateUserAsync("gijs@example.org", "Gijs Vergeet", "Gijs-oud-wachtwoord-1");

        // The forgotten-password page says who can help when the wiki sends no e-mail.
        var gijs = await browser.NewPageAsync();
        await gijs.GotoAsync(server.Url + "/account/login");
        await gijs.ClickAsync("#forgot-link");
        await Expect(gijs.Locator("#forgot-no-mail")).ToContainTextAsync("Vraag een beheerder");
        await Shots.BothWidthsAsync(gijs, "forgot-without-mail");

        var admin = await browser.NewPageAsync();
        await admin.SignInAsync(server.Url);
        await admin.GotoAsync(server.Url + "/admin/users");
        await admin.Locator("table.users tr", new() { HasText = "gijs@example.org" }).Locator("button", new() { HasText = "Wachtwoordlink" }).ClickAsync();
        var link = (await admin.Locator("#reset-link").TextContentAsync())!.Trim();
        await Shots.BothWidthsAsync(admin, "users-reset-link", admin.Locator("#reset-link-made"));

        await gijs.GotoAsync(link);
        await Expect(gijs.Locator("h1")).ToHaveTextAsync("Kies een nieuw wachtwoord");
        await Shots.BothWidthsAsync(gijs, "reset-form");
        await gijs.FillAsync("#reset-password", "Gijs-nieuw-wachtwoord-2");
        await gijs.ClickAsync("#reset-submit");
        await Expect(gijs.Locator("#reset-done")).ToBeVisibleAsync();
        await gijs.ClickAsync("#reset-sign-in");
        await gijs.FillAsync("#login-email", "gijs@example.org");
        await gijs.FillAsync("#login-password", "Gijs-nieuw-wachtwoord-2");
        await gijs.ClickAsync("#login-submit");
        await Expect(gijs.Locator(".user-menu .user-name")).ToContainTextAsync("Gijs Vergeet");

        var reused = await browser.NewPageAsync();
        await reused.GotoAsync(link);
        await Expect(reused.Locator("#reset-invalid")).ToBeVisibleAsync();
    }
}

/// <summary>Screenshots of a page at desktop and phone width, for a person to look at.</summary>
public static class Shots
{
    public static readonly string Folder = Environment.GetEnvironmentVariable("TEAMWIKI_SHOTS") ?? Path.Combine(Path.GetTempPath(), "shots-i12-accounts");

    /// <summary>Shoots the page at 1280 and at 390 px wide (scrolled to <paramref name="at"/> when given), then restores the size.</summary>
    public static async Task BothWidthsAsync(IPage page, string name, ILocator? at = null)
    {
        Directory.CreateDirectory(Folder);
        var original = page.ViewportSize;
        foreach (var (width, height) in new[] { (1280, 900), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            if (at is not null)
            {
                await at.ScrollIntoViewIfNeededAsync();
            }

            await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{name}-{width}.png"), FullPage = at is null });
        }

        if (original is not null)
        {
            await page.SetViewportSizeAsync(original.Width, original.Height);
        }
    }
}
