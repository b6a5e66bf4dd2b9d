using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Accounts;

[Collection(BrowserCollection.Name)]
public class LanguageTests(Browser browser, WikiServer server)
{
    [Fact]
    public async Task TheUiIsDutchEvenForAnEnglishBrowserAndSwitchesToEnglish()
    {
        var page = await browser.NewPageAsync(locale: "en-US");
        await page.SignInAsync(server.Url);
        await page.GotoAsync(server.Url + "/wiki/handboek/welkom");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await Expect(page.Locator("#edit-page")).ToHaveTextAsync("Bewerken");
        await Expect(page.Locator(".page-actions")).ToContainTextAsync("Geschiedenis");

        await page.ClickAsync(".culture-switch a[lang=en]");

        await Expect(page).ToHaveURLAsync(server.Url + "/wiki/handboek/welkom");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("#edit-page")).ToHaveTextAsync("Edit");
        await Expect(page.Locator(".page-actions")).ToContainTextAsync("History");

        // The interactive editor follows the choice too.
        await page.OpenEditorAsync(server.Url, "handboek/welkom");
        await Expect(page.Locator("#save")).ToHaveTextAsync("Save");

        await page.ClickAsync(".culture-switch a[lang=nl]");
        await Expect(page.Locator("#save")).ToHaveTextAsync("Opslaan");
    }
}
