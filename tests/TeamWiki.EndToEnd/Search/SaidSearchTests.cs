using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Search;

[Collection(BrowserCollection.Name)]
public class SaidSearchTests(Browser browser, WikiServer server)
{
    [Fact]
    public async Task SearchingAWordFromAReplyOpensThePost()
    {
        var api = server.Api();
        var created = await api.PostAsJsonAsync("/api/spaces/handboek/posts", new { markdown = "Welke trein nemen we naar de heidewandeling?" });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        (await api.PostAsJsonAsync($"/api/posts/{id}/replies", new { markdown = "De stoptrein via Ede, daar wacht een huifkar." })).EnsureSuccessStatusCode();

        var page = await browser.NewPageAsync();
        await page.SignInAsync(server.Url);
        await page.GotoAsync(server.Url + "/");
        await page.FillAsync("#header-search", "huifkar");
        await page.PressAsync("#header-search", "Enter");

        await Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=huifkar"));
        var result = page.Locator(".result").First;
        await Expect(result.Locator(".kind-badge")).ToHaveTextAsync("bericht");
        await Expect(result.Locator(".snippet mark")).ToHaveTextAsync("huifkar");
        await result.Locator(".result-title").ClickAsync();

        await Expect(page).ToHaveURLAsync(server.Url + $"/posts/{id}");
        await Expect(page.Locator("main")).ToContainTextAsync("Welke trein nemen we naar de heidewandeling?");
        await Expect(page.Locator("article.comment").First).ToContainTextAsync("huifkar");
    }
}
