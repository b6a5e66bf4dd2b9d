using System.Net.Http.Json;
using Microsoft.Playwright;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Spaces;

/// <summary>
/// What a guest sees of a private space they were not invited to, in a real browser at desktop and
/// phone width: a wiki link into it is plain text, and its address is a 404 that names nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PrivateStaysPrivateTests(Browser browser, WikiServer server)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task AGuestSeesLinksIntoAHiddenSpaceAsTextAndItsAddressAsANamelessNotFound(int width)
    {
        var guestEmail = $"gast-{width}@klant.example";
        var hidden = $"kluis-{width}";
        var shared = $"gastruimte-{width}";
        var api = server.Api();
        (await api.PostAsJsonAsync("/api/spaces", new { key = hidden, name = "Kluisproject", visibility = "private", taskPrefix = $"KL{width}" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/pages/{hidden}/plan", new { markdown = "---\ntitle: Het kluisplan\n---\n\nAlleen voor het kluisteam.\n" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/spaces", new { key = shared, name = "Gastruimte", visibility = "private", taskPrefix = $"GR{width}" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/pages/{shared}/welkom", new { markdown = $"# Welkom\n\nDe planning staat in [[{hidden}/plan]] en [[{hidden}/plan|het grote plan]].\n" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/spaces/{shared}/guests", new { email = guestEmail, name = "Gerda Gast", password = "Gast-wachtwoord-1" })).EnsureSuccessStatusCode();
        var errorsBefore = browser.ConsoleErrors.Count;

        // Positive control: the admin, who may read the hidden space, gets a real link with its title.
        var admin = await browser.NewPageAsync(width: width, height: 844);
        await admin.SignInAsync(server.Url);
        await admin.GotoAsync($"{server.Url}/wiki/{shared}/welkom");
        await Expect(admin.Locator($".markdown-body a.wikilink[href='/wiki/{hidden}/plan']").First).ToHaveTextAsync("Het kluisplan");

        var guest = await browser.NewPageAsync(width: width, height: 844);
        // The guest opens addresses in the hidden space and one that exists nowhere: both answer 404 on purpose.
        guest.ExpectError("status of 404 (Not Found)");
        await guest.SignInAsync(server.Url, guestEmail, "Gast-wachtwoord-1");
        await guest.GotoAsync($"{server.Url}/wiki/{shared}/welkom");
        var body = guest.Locator(".markdown-body");
        await Expect(body).ToContainTextAsync($"De planning staat in {hidden}/plan en het grote plan.");
        await Expect(body.Locator($"a[href*='{hidden}']")).ToHaveCountAsync(0);
        await Expect(body.Locator("a.wikilink")).ToHaveCountAsync(0);
        await Expect(body.Locator(".missing")).ToHaveCountAsync(0);
        await Expect(body).Not.ToContainTextAsync("Het kluisplan");
        await Expect(guest.Locator("#sidebar")).Not.ToContainTextAsync("Kluisproject");
        await AssertFitsAsync(guest, width);
        await guest.ScreenshotAsync(new() { Path = Shot($"guest-link-{width}.png"), FullPage = true });

        var response = await guest.GotoAsync($"{server.Url}/wiki/{hidden}/plan");
        Assert.Equal(404, response!.Status);
        await Expect(guest.Locator("#not-found")).ToBeVisibleAsync();
        await Expect(guest.Locator("main .breadcrumbs")).ToHaveCountAsync(0);
        await Expect(guest.Locator("body")).Not.ToContainTextAsync("Kluisproject");
        await Expect(guest.Locator("body")).Not.ToContainTextAsync("kluisplan");
        Assert.DoesNotContain("Kluisproject", await guest.TitleAsync());
        await AssertFitsAsync(guest, width);
        await guest.ScreenshotAsync(new() { Path = Shot($"guest-404-{width}.png"), FullPage = true });

        // The space's own address answers the same as one that never existed.
        var home = await guest.GotoAsync($"{server.Url}/wiki/{hidden}");
        Assert.Equal(404, home!.Status);
        var hiddenMain = await guest.Locator("main").InnerTextAsync();
        await guest.GotoAsync($"{server.Url}/wiki/bestaat-nergens-{width}");
        Assert.Equal(await guest.Locator("main").InnerTextAsync(), hiddenMain);

        // The browser reports each 404 document it was sent as a failed load; anything else is a fault.
        var errors = browser.ConsoleErrors.Skip(errorsBefore).Where(e => !e.Contains("status of 404")).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>Nothing sticks out sideways: at phone width a wide page would have to be scrolled.</summary>
    private static async Task AssertFitsAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"the page is {scrollWidth} px wide in a {width} px window");
    }

    private static string Shot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
