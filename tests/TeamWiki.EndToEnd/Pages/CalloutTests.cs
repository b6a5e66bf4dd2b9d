using System.Net.Http.Json;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Pages;

/// <summary>Callouts written as on GitHub show as titled boxes, the title in the reader's language.</summary>
[Collection(BrowserCollection.Name)]
public class CalloutTests(Browser browser, WikiServer server)
{
    [Fact]
    public async Task AWarningCalloutShowsAsATitledBoxInDutchAndInEnglish()
    {
        var path = "handboek/callouts-" + Guid.NewGuid().ToString("n")[..6];
        (await server.Api().PutAsJsonAsync($"/api/pages/{path}", new { markdown = "# Callouts\n\n> [!WARNING]\n> Sla je wachtwoord nooit op in de wiki.\n\n> [!TIP]\n> Gebruik een wachtwoordkluis.\n" }))
            .EnsureSuccessStatusCode();

        foreach (var (locale, warning, tip) in new[] { ("nl-NL", "Waarschuwing", "Tip"), ("en-US", "Warning", "Tip") })
        {
            var page = await browser.NewPageAsync(locale);
            await page.SignInAsync(server.Url);
            await page.GotoAsync($"{server.Url}/wiki/{path}");
            if (locale == "en-US")
            {
                await page.ClickAsync(".culture-switch a[lang=en]");
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            }

            var box = page.Locator(".markdown-alert-warning");
            await Expect(box).ToContainTextAsync("Sla je wachtwoord nooit op");
            Assert.Equal($"\"{warning}\"", await box.Locator(".markdown-alert-title").EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"));
            Assert.Equal($"\"{tip}\"", await page.Locator(".markdown-alert-tip .markdown-alert-title").EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"));
        }
    }
}
