using System.Net.Http.Json;
using Microsoft.Playwright;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Pages;

/// <summary>
/// A ```mermaid block is drawn as a diagram by the bundled Mermaid script, under the strict
/// Content-Security-Policy: on a page opened directly, after in-app (enhanced) navigation to it, and in the
/// editor's preview. The script is only fetched on pages that show a diagram.
/// </summary>
[Collection(BrowserCollection.Name)]
public class DiagramTests(Browser browser, WikiServer server)
{
    private const string Flowchart = "```mermaid\nflowchart LR\n    A[Aanvraag] --> B{Akkoord?}\n    B -->|ja| C[Bestellen]\n    B -->|nee| D[Afwijzen]\n```\n";

    // Recorded in every document of the page, before its own scripts run.
    private const string ViolationRecorder = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
        """;

    [Fact]
    public async Task AFlowchartIsDrawnAfterInAppNavigationAndInThePreviewWithoutAPolicyViolation()
    {
        var id = Guid.NewGuid().ToString("n")[..6];
        var diagramPath = $"handboek/inkoopproces-{id}";
        var api = server.Api();
        (await api.PutAsJsonAsync($"/api/pages/{diagramPath}", new { markdown = $"---\ntitle: Inkoopproces {id}\n---\n\nZo loopt een aanvraag.\n\n{Flowchart}\nDaarna volgt de factuur.\n" }))
            .EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/pages/handboek/inkoop-{id}", new { markdown = $"---\ntitle: Inkoop {id}\n---\n\nLees eerst [het inkoopproces](/wiki/{diagramPath}).\n" }))
            .EnsureSuccessStatusCode();

        var page = await browser.NewPageAsync(locale: "nl-NL");
        await page.Context.AddInitScriptAsync(ViolationRecorder);
        var mermaidRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/lib/mermaid/", StringComparison.Ordinal))
            {
                lock (mermaidRequests)
                {
                    mermaidRequests.Add(request.Url);
                }
            }
        };
        await page.SignInAsync(server.Url);

        // A page without a diagram does not fetch Mermaid.
        var response = await page.GotoAsync($"{server.Url}/wiki/handboek/inkoop-{id}");
        var policy = response!.Headers["content-security-policy"];
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", policy);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-checkboxes", "ready");
        Assert.Empty(Snapshot(mermaidRequests));

        // Following the link is Blazor's enhanced navigation (the same document), and the diagram is drawn.
        await page.EvaluateAsync("() => window.__sameDocument = true");
        await page.ClickAsync(".markdown-body a[href$='inkoopproces-" + id + "']");
        await Expect(page).ToHaveURLAsync($"{server.Url}/wiki/{diagramPath}");
        var diagram = page.Locator(".markdown-body pre.mermaid");
        await Expect(diagram.Locator("svg")).ToBeVisibleAsync();
        await Expect(diagram.Locator("svg")).ToContainTextAsync("Aanvraag");
        await Expect(diagram.Locator("svg")).ToContainTextAsync("Bestellen");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the link was followed by a full page load, not enhanced navigation");
        Assert.Single(Snapshot(mermaidRequests));
        Assert.DoesNotContain("flowchart LR", await diagram.InnerTextAsync());
        await Shots(page, "page");

        // Opened directly (from the page view cache this time), it is drawn too.
        await page.ReloadAsync();
        await Expect(page.Locator(".markdown-body pre.mermaid svg")).ToContainTextAsync("Afwijzen");

        // The editor's preview draws the diagram, and a new one as it is typed; a broken one keeps its source.
        await page.OpenEditorAsync(server.Url, diagramPath);
        await Expect(page.Locator("#preview pre.mermaid svg")).ToContainTextAsync("Aanvraag");
        var editor = page.Locator("#editor-text");
        await editor.PressAsync("Control+End");
        await editor.PressSequentiallyAsync("\n```mermaid\nsequenceDiagram\n    Anna->>Kees: Offerte?\n```\n\n```mermaid\nflowchart LR\n    X[Half -->\n```\n");
        await Expect(page.Locator("#preview pre.mermaid svg")).ToHaveCountAsync(2);
        await Expect(page.Locator("#preview pre.mermaid svg").Nth(1)).ToContainTextAsync("Offerte?");
        var broken = page.Locator("#preview pre.mermaid").Nth(2);
        await Expect(broken).ToHaveAttributeAsync("data-processed", "true");
        await Expect(broken).ToContainTextAsync("X[Half -->");
        await Expect(broken.Locator("svg")).ToHaveCountAsync(0);
        await Shots(page, "preview");

        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
    }

    private static List<string> Snapshot(List<string> list)
    {
        lock (list)
        {
            return [.. list];
        }
    }

    /// <summary>The page at desktop and phone width, for looking at (TEAMWIKI_SHOTS, else beside the tests).</summary>
    private static async Task Shots(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("TEAMWIKI_SHOTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"diagram-{name}-{width}.png"), FullPage = true });
        }

        await page.SetViewportSizeAsync(1280, 900);
    }
}
