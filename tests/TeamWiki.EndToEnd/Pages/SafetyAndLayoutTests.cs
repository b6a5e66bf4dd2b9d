using System.Net.Http.Json;
using Microsoft.Playwright;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Pages;

[Collection(BrowserCollection.Name)]
public class SafetyAndLayoutTests(Browser browser, WikiServer server)
{
    private const string Payload = """
        ---
        title: Kwaadaardige pagina
        ---

        Gewone tekst blijft zichtbaar.

        <script>window.__xss = 'script';</script>
        <img src="x" onerror="window.__xss='onerror'">
        <svg onload="window.__xss='svg'"><script>window.__xss='svg-script'</script></svg>
        <a href="javascript:window.__xss='href'" id="js-link">klik mij</a>
        [markdown-link](javascript:window.__xss='md')
        <iframe src="javascript:window.__xss='iframe'"></iframe>
        <details open ontoggle="window.__xss='toggle'"><summary>x</summary></details>
        [[handboek/welkom|<img src=x onerror="window.__xss='label'">]]
        <div style="position:fixed;inset:0;background:red" class="position-fixed">overlay</div>
        """;

    [Fact]
    public async Task APageFullOfScriptRendersHarmlessly()
    {
        await server.Api().PutAsJsonAsync("/api/pages/handboek/xss-e2e", new { markdown = Payload });
        var page = await browser.NewPageAsync();
        // The payload's <img src="x"> stays an image (only its onerror goes): the browser asks for it and gets a 404.
        page.ExpectError("/files/handboek/x");
        var dialogs = 0;
        page.Dialog += async (_, dialog) =>
        {
            dialogs++;
            await dialog.DismissAsync();
        };
        await page.SignInAsync(server.Url);

        await page.GotoAsync(server.Url + "/wiki/handboek/xss-e2e");
        await Expect(page.Locator(".markdown-body")).ToContainTextAsync("Gewone tekst blijft zichtbaar.");
        foreach (var link in await page.Locator(".markdown-body a").AllAsync())
        {
            await link.ClickAsync(new LocatorClickOptions { Force = true, Timeout = 2000 }).ContinueWith(_ => Task.CompletedTask);
        }

        await page.GotoAsync(server.Url + "/wiki/handboek/xss-e2e");
        await SettledAsync(page);
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
        Assert.Equal(0, dialogs);
        Assert.Equal(0, await page.Locator(".markdown-body script, .markdown-body svg, .markdown-body iframe").CountAsync());
        Assert.Equal(0, await page.Locator(".markdown-body [onerror], .markdown-body [onload], .markdown-body [ontoggle], .markdown-body [style*=fixed]").CountAsync());

        // The editor's live preview goes through the same sanitiser.
        await page.OpenEditorAsync(server.Url, "handboek/xss-e2e");
        await Expect(page.Locator("#preview")).ToContainTextAsync("Gewone tekst blijft zichtbaar.");
        await SettledAsync(page);
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
        Assert.Equal(0, await page.Locator("#preview script, #preview svg, #preview [onerror]").CountAsync());
    }

    [Fact]
    public async Task OnAPhoneTheMenuOpensWithAButtonAndTheKeyboardReachesEverything()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);
        await page.SignInAsync(server.Url);
        await page.GotoAsync(server.Url + "/wiki/handboek/onboarding");

        await Expect(page.Locator("#sidebar")).ToBeHiddenAsync();
        await page.ClickAsync("[data-nav-toggle]");
        await Expect(page.Locator("#sidebar")).ToBeVisibleAsync();
        await Expect(page.Locator("#sidebar a[aria-current=page]")).ToHaveTextAsync("Onboarding");

        // Keyboard: after loading, focus is on the page title (screen readers announce it); from the top of
        // the document the first Tab stop is the skip link, which jumps to the content.
        await page.GotoAsync(server.Url + "/wiki/handboek/onboarding");
        await Expect(page.Locator("main h1")).ToBeFocusedAsync();
        var firstStop = await page.EvaluateAsync<string>(
            "() => document.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex=\"-1\"])').className");
        Assert.Equal("skip-link", firstStop);
        await page.Locator(".skip-link").FocusAsync();
        await Expect(page.Locator(".skip-link")).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        // It stays on this page ("#main" against <base href="/"> once opened the home page) and focuses its content.
        await Expect(page.Locator("#main")).ToBeFocusedAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/wiki/handboek/onboarding$"));

        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page is {width}px wide on a 390px screen");
    }

    [Fact]
    public async Task PagesLoadWithoutScriptOrPolicyErrors()
    {
        // Console errors (a policy violation is one) fail every browser test, this one included (CleanBrowserAttribute).
        var page = await browser.NewPageAsync();
        await page.SignInAsync(server.Url);
        await page.GotoAsync(server.Url + "/wiki/project-atlas/architectuur");
        await Expect(page.Locator(".markdown-body img").First).ToBeVisibleAsync();
        var loaded = await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('.markdown-body img')].every(i => i.complete && i.naturalWidth > 0)");
        Assert.True(loaded, "images from the repository load");
        await page.OpenEditorAsync(server.Url, "project-atlas/architectuur");
        await Expect(page.Locator("#preview img").First).ToBeVisibleAsync();
    }

    /// <summary>
    /// Waits until whatever the page could still run has had its turn: every image has loaded or failed
    /// (an onerror would have fired), and a task queued now runs after the ones queued by parsing
    /// (ontoggle, onload). Then an absence ("no script ran") means something.
    /// </summary>
    private static async Task SettledAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => document.readyState === 'complete' && [...document.images].every(i => i.complete)");
        await page.EvaluateAsync("() => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)))");
    }
}
