using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Pages;

/// <summary>
/// The check every browser test relies on (<see cref="CleanBrowserAttribute"/>), proven on errors made on
/// purpose: each kind is caught, and only an error the test declared is let through.
/// </summary>
[Collection(BrowserCollection.Name)]
public class CleanBrowserTests(Browser browser, WikiServer server)
{
    [Fact]
    public async Task ConsoleErrorsUncaughtExceptionsAndTheBlazorErrorBarAreCaughtUntilDeclared()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(server.Url);
        await page.GotoAsync(server.Url + "/wiki/handboek/welkom");
        var errors = CleanBrowser.Of(page)!;
        Assert.Empty(errors.All);

        await page.EvaluateAsync("() => console.error('proef: console')");
        await page.EvaluateAsync("() => { setTimeout(() => { throw new Error('proef: exception'); }, 0); }");
        await page.EvaluateAsync("() => { document.getElementById('blazor-error-ui').style.display = 'block'; }");
        await Expect(page.Locator("#blazor-error-ui")).ToBeVisibleAsync();

        var unexpected = await Eventually.UntilAsync(() => Task.FromResult(errors.Unexpected([])), e => e.Count >= 3, "the three provoked errors to be recorded");
        Assert.Contains(unexpected, e => e.StartsWith("console error: proef: console", StringComparison.Ordinal));
        Assert.Contains(unexpected, e => e.StartsWith("uncaught exception:", StringComparison.Ordinal) && e.Contains("proef: exception", StringComparison.Ordinal));
        Assert.Contains(unexpected, e => e.Contains("#blazor-error-ui is visible", StringComparison.Ordinal));

        // Declared, they no longer count: two on the page, one for the whole test (which the end-of-test
        // check applies; were it ignored, this test would fail there).
        page.ExpectError("proef: console");
        page.ExpectError("proef: exception");
        browser.ExpectError("#blazor-error-ui is visible");
        var left = Assert.Single(errors.Unexpected([]));
        Assert.Contains("#blazor-error-ui is visible", left);
        Assert.Empty(errors.Unexpected(["#blazor-error-ui is visible"]));
    }
}
