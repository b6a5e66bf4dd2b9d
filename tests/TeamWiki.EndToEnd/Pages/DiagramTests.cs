using System.Net.Http.Json;
using System.Text.Json;
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

    // A deadline against hangs, not a speed check: the first drawing of a page parses several megabytes of
    // script, which takes long on a busy two-core machine.
    private const float FirstDrawing = 60_000;

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
        await Expect(diagram.Locator("svg")).ToBeVisibleAsync(new() { Timeout = FirstDrawing });
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

    [Fact]
    public async Task DiagramsInATaskAndAPostAreDrawnAndScriptAnAuthorHidInOneNeverRuns()
    {
        var api = server.Api();
        (await api.PostAsJsonAsync("/api/spaces", new { key = "tekeningen", name = "Tekeningen", visibility = "internal", taskPrefix = "TK" })).EnsureSuccessStatusCode();
        // Script in a label, an event handler that fires by itself, a javascript: link on a node: Mermaid's strict
        // level drops them from the drawing. While Mermaid's sanitiser (DOMPurify) parses the label, Chromium
        // reports the handler as refused by the policy (seen with the violation's target an inert document, not
        // the page): the policy is the second line of defence, and the handler never runs.
        var hostile = "```mermaid\nflowchart LR\n    A[\"<script>window.__xss = 1</script>Start\"] --> B[\"<details open ontoggle=window.__xss=2>Klaar</details>\"]\n    click A href \"javascript:window.__xss=3\"\n```\n";
        var task = await (await api.PostAsJsonAsync("/api/spaces/tekeningen/tasks", new { title = "Stroomschema", description = "Het schema:\n\n" + hostile }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var post = await (await api.PostAsJsonAsync("/api/spaces/tekeningen/posts", new { markdown = "Klopt dit?\n\n```mermaid\n%%{init: {\"themeCSS\": \".node rect { stroke-dasharray: 7777; }\"}}%%\ngraph TD\n    V[Vraag] --> W[Antwoord]\n```" }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();

        var page = await browser.NewPageAsync(locale: "nl-NL");
        page.ExpectError("Executing inline event handler violates");
        await page.Context.AddInitScriptAsync(ViolationRecorder);
        await page.SignInAsync(server.Url);

        await page.GotoAsync($"{server.Url}/tasks/{task.GetProperty("key").GetString()}");
        var drawing = page.Locator("#task-description pre.mermaid svg");
        await Expect(drawing).ToContainTextAsync("Start", new() { Timeout = FirstDrawing });
        await Expect(drawing).ToContainTextAsync("Klaar");
        Assert.Equal(0, await drawing.EvaluateAsync<int>(
            "svg => [...svg.querySelectorAll('*')].filter(e => e.localName === 'script' || [...e.attributes].some(a => /^on/i.test(a.name) || /^\\s*javascript:/i.test(a.value))).length"));
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
        Assert.All(await page.EvaluateAsync<string[]>("() => window.__cspViolations"), v => Assert.Equal("script-src-attr inline", v));

        await page.GotoAsync($"{server.Url}/posts/{post.GetProperty("id").GetInt64()}");
        await Expect(page.Locator(".post-body pre.mermaid svg")).ToContainTextAsync("Antwoord");
        // An author's init directive may not restyle the drawing (themeCSS could lay a fake sign-in box over the page).
        Assert.DoesNotContain("7777", string.Join("\n", await page.Locator(".post-body pre.mermaid svg style").AllTextContentsAsync()));
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
