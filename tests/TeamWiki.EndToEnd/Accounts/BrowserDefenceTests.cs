using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Accounts;

[Collection(BrowserCollection.Name)]
public class BrowserDefenceTests(Browser browser, WikiServer server)
{
    private const string PdfViewerScript = "'sha256-RFi17laPhOWI8b+X4koNqwrpTJ8YLYJfbn1ZvWdeU4k='";

    [Fact]
    public async Task TheEditorBoardBellMentionsAndUploadsWorkUnderThePolicyWithoutViolations()
    {
        var api = server.Api();
        (await api.PostAsJsonAsync("/api/spaces", new { key = "cspwerk", name = "CSP-werk", taskPrefix = "CW" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/spaces/cspwerk/tasks", new { title = "Beleid controleren" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync("/api/pages/cspwerk/notities", new { markdown = "# Notities\n\nEerste regel.\n" })).EnsureSuccessStatusCode();

        var page = await browser.NewPageAsync();
        // Chromium's own PDF viewer runs one inline script of its own in the page that frames a PDF. The
        // policy refuses it, and the viewer shows the PDF without it. That exact script, named by its hash,
        // is the one violation this test expects; Chromium reports every violation as a console error.
        page.ExpectError(PdfViewerScript);
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        await page.SignInAsync(server.Url);

        // The page as served carries the whole policy, scripts included.
        var response = await page.GotoAsync(server.Url + "/edit/cspwerk/notities");
        Assert.Contains("script-src 'self'", await response!.HeaderValueAsync("content-security-policy"));
        await page.WaitForEditorAsync();

        // Editor: live preview, @mention suggestions (a fetch with the cookie), save over the circuit.
        var text = page.Locator("#editor-text");
        await text.PressAsync("Control+End");
        await text.PressSequentiallyAsync("Tweede regel voor ");
        await Expect(page.Locator("#preview")).ToContainTextAsync("Tweede regel voor");
        await text.PressSequentiallyAsync("@adm");
        await Expect(page.Locator(".mention-list li[data-handle='admin']")).ToBeVisibleAsync();
        await text.PressAsync("Enter");
        await page.SaveAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/wiki/cspwerk/notities"));
        await Expect(page.Locator(".markdown-body")).ToContainTextAsync("Tweede regel voor");
        await Expect(page.Locator(".markdown-body a.mention[href='/people/admin']")).ToBeVisibleAsync();

        // Board: a card dragged to Done is stored as done.
        await page.GotoAsync(server.Url + "/spaces/cspwerk/board");
        await Expect(page.Locator("#board")).ToHaveAttributeAsync("data-ready", "true");
        await page.Locator("#card-CW-1").DragToAsync(page.Locator("[data-status=done] .board-cards"));
        await Expect(page.Locator("[data-status=done] #card-CW-1")).ToBeVisibleAsync();
        await WaitForAsync(async () => JsonDocument.Parse(await api.GetStringAsync("/api/tasks/CW-1")).RootElement.GetProperty("status").GetString() == "done",
            "the dragged task to be stored as done");

        // Bell: opens its panel.
        await page.ClickAsync("#bell summary");
        await Expect(page.Locator(".bell-panel")).ToBeVisibleAsync();

        // Upload: the script posts the file to the API with the cookie; the PDF preview is framed by our own page.
        await page.GotoAsync(server.Url + "/spaces/cspwerk/documents");
        await page.Locator("#upload-input").SetInputFilesAsync(new FilePayload { Name = "Beleid.pdf", MimeType = "application/pdf", Buffer = TestFiles.Pdf("Beleid voor scripts") });
        await Expect(page.Locator("#document-table")).ToContainTextAsync("beleid.pdf");
        await page.Locator("#document-table a", new() { HasText = "beleid.pdf" }).ClickAsync();
        await Expect(page.Locator("#pdf-preview")).ToBeVisibleAsync();

        var unexpected = problems.Where(p => !p.Contains(PdfViewerScript, StringComparison.Ordinal)).ToList();
        Assert.True(unexpected.Count == 0, "console errors or policy violations:\n" + string.Join("\n", unexpected));

        // The policy is enforced and a violation is seen: a script the page did not ship is refused and reported, by its hash.
        const string Injected = "window.__injected = true";
        var injectedHash = "'sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Injected))) + "'";
        page.ExpectError(injectedHash);
        await page.EvaluateAsync("text => { const s = document.createElement('script'); s.textContent = text; document.body.append(s); }", Injected);
        await WaitForAsync(() => Task.FromResult(problems.Any(p => p.Contains(injectedHash, StringComparison.Ordinal))), "the injected script to be reported");
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__injected"));
    }

    [Fact]
    public async Task SigningOutThroughTheMenuEndsTheSession()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(server.Url);
        await page.GotoAsync(server.Url + "/wiki/handboek/welkom");

        await page.ClickAsync(".user-menu form[action='/account/logout'] button");

        await Expect(page).ToHaveURLAsync(new Regex("/account/login$"));
        await page.GotoAsync(server.Url + "/wiki/handboek/welkom");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await Expect(page.Locator("#login-email")).ToBeVisibleAsync();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "timed out waiting for " + what);
            await Task.Delay(200);
        }
    }
}
