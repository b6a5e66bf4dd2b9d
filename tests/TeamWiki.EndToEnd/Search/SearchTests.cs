using System.Text.RegularExpressions;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Search;

[Collection(BrowserCollection.Name)]
public class SearchTests(Browser browser, WikiServer server)
{
    [Fact]
    public async Task TypingInTheHeaderBoxSuggestsTitlesAndTheKeyboardPicksOne()
    {
        await server.WaitUntilIndexedAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(server.Url);
        await page.GotoAsync(server.Url + "/wiki/handboek/welkom");

        var box = page.Locator("#header-search");
        await box.ClickAsync();
        await box.PressSequentiallyAsync("wachtw", new() { Delay = 40 });
        var options = page.Locator("#header-suggestions [role=option]");
        await Expect(options.First).ToContainTextAsync("Wachtwoordbeleid");
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");

        // Esc closes the list; typing opens it again; arrow down and Enter open the page.
        await box.PressAsync("Escape");
        await Expect(page.Locator("#header-suggestions")).ToBeHiddenAsync();
        await box.PressSequentiallyAsync("oord", new() { Delay = 40 });
        await Expect(options.First).ToContainTextAsync("Wachtwoordbeleid");
        await box.PressAsync("ArrowDown");
        await Expect(options.First).ToHaveAttributeAsync("aria-selected", "true");
        await box.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(server.Url + "/wiki/handboek/beveiliging/wachtwoordbeleid");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Wachtwoordbeleid");
    }

    [Fact]
    public async Task SearchingFilteringByTagAndOpeningAResult()
    {
        await server.WaitUntilIndexedAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(server.Url);
        await page.GotoAsync(server.Url + "/");
        await page.FillAsync("#header-search", "nieuwe collega");
        await page.PressAsync("#header-search", "Enter");

        await Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=nieuwe(\+|%20)collega"));
        await Expect(page.Locator(".results-summary")).ToContainTextAsync("resultaten");
        var total = await ResultCountAsync(page);
        Assert.True(total > 1);
        await Expect(page.Locator(".snippet mark").First).ToBeVisibleAsync();

        // Filtering by a tag shown on a result.
        await page.Locator(".result-tags a", new() { HasText = "onboarding" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("tag=onboarding"));
        await Expect(page.Locator(".facet a[data-facet=tag][data-value=onboarding]")).ToHaveAttributeAsync("aria-current", "true");
        var filtered = await ResultCountAsync(page);
        Assert.InRange(filtered, 1, total - 1);
        var shown = await page.Locator(".result .result-tags").AllAsync();
        Assert.NotEmpty(shown);
        foreach (var tags in shown)
        {
            await Expect(tags).ToContainTextAsync("onboarding");
        }

        // Sorting by date keeps the filter; the first result opens the page.
        await page.ClickAsync(".sort-links >> text=datum");
        await Expect(page).ToHaveURLAsync(new Regex("sort=date"));
        await Expect(page).ToHaveURLAsync(new Regex("tag=onboarding"));
        var first = page.Locator(".result-title").First;
        var title = (await first.TextContentAsync())!.Trim();
        await first.ClickAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync(title);
    }

    [Fact]
    public async Task ATypoGetsADidYouMeanAndNothingFoundOffersANewPage()
    {
        await server.WaitUntilIndexedAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(server.Url);
        await page.GotoAsync(server.Url + "/search?q=wachtwoordbeleit");

        await Expect(page.Locator("#search-suggestion")).ToContainTextAsync("Bedoelde u");
        await page.ClickAsync("#search-suggestion a");
        await Expect(page).ToHaveURLAsync(new Regex("q=wachtwoordbeleid"));
        await Expect(page.Locator(".result-title").First).ToHaveTextAsync("Wachtwoordbeleid");

        await page.GotoAsync(server.Url + "/search?q=" + Uri.EscapeDataString("\"zwevende walvissen\""));
        await Expect(page.Locator(".no-results")).ToContainTextAsync("Niets gevonden");
        await page.ClickAsync("#create-from-search");
        await Expect(page.Locator("#new-title")).ToHaveValueAsync("\"zwevende walvissen\"");
    }

    [Fact]
    public async Task APageSavedInTheEditorIsFoundBySearchAndSuggested()
    {
        await server.WaitUntilIndexedAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(server.Url);
        await page.OpenEditorAsync(server.Url, "kennisbank/zoekproef-e2e");
        await page.Locator("#editor-text").FillAsync("---\ntitle: Zoekproef\n---\n\nDe fluitketelreparateur kwam langs.\n");
        await page.SaveAsync();
        await Expect(page).ToHaveURLAsync(new Regex("saved=created"));

        // Indexing follows the save in the background; how fast is measured in bench/, not here.
        var hit = await page.SearchUntilFoundAsync(server.Url, "fluitketelreparateur", "Zoekproef");
        await Expect(page.Locator(".result-title").First).ToHaveTextAsync("Zoekproef");
        await Expect(hit.Locator(".snippet mark").First).ToHaveTextAsync("fluitketelreparateur");

        // The search box suggests it too.
        await page.FillAsync("#header-search", "zoekpr");
        await Expect(page.Locator("#header-suggestions [role=option]").First).ToContainTextAsync("Zoekproef");
    }

    private static async Task<int> ResultCountAsync(Microsoft.Playwright.IPage page)
    {
        var text = await page.Locator(".results-summary").TextContentAsync();
        return int.Parse(Regex.Match(text!, @"\d+").Value);
    }
}
