using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Pages;

[Collection(BrowserCollection.Name)]
public class PasteMediaTests(Browser browser, WikiServer server)
{
    // A 160 × 90 PNG, as a screenshot tool puts it on the clipboard.
    private const string PngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAKAAAABaCAIAAACwpMoFAAAA1klEQVR42u3dMQ0AIAxFQZxgBAWIQC9KWFgqARVAIJc8Bb31J00jpj4uOQFgARZgARZgARZgwAIswAIswAKsPcC5VR0IMGDAgAEDBgxYgAVYgAEDBgwYMGDAAizAAgwYMGDAgAEDBgx4Z9HLlQADBgwYMGDAgAEDBgwYMGDAgAEDBgwYMGDAgAEDBgwYMGDAgAEDBgzY6M7oDjBgwIAFWIAFGDBgwIABAwbs9IAFWIABAwYMGDBgwIABC7DeAJbvowIswAIswIAFWIAFWIAFWIAFGLBebgGmDAOqxCdJ6AAAAABJRU5ErkJggg==";

    [Fact]
    public async Task AnImagePastedAndAFileDroppedIntoANewPageAreStoredBesideItAndShownAfterSaving()
    {
        var api = server.Api();
        (await api.PostAsJsonAsync("/api/spaces", new { key = "plakken", name = "Plakken", visibility = "private", taskPrefix = "PK" })).EnsureSuccessStatusCode();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(server.Url);
        await page.OpenEditorAsync(server.Url, "plakken/plattegrond?title=Plattegrond");
        var text = page.Locator("#editor-text");
        await text.FillAsync("---\ntitle: Plattegrond\n---\n\nBoven\n\n\n\nOnder\n\n");
        var caret = "---\ntitle: Plattegrond\n---\n\nBoven\n\n".Length;
        await text.EvaluateAsync("(t, at) => { t.focus(); t.setSelectionRange(at, at); }", caret);

        // The upload is held until the placeholder was seen, so the test sees what the person sees meanwhile.
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/api/pages/plakken/plattegrond/media", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await text.EvaluateAsync(@"(t, png) => {
            const bytes = Uint8Array.from(atob(png), c => c.charCodeAt(0));
            const data = new DataTransfer();
            data.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
            t.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }", PngBase64);
        await Expect(text).ToHaveValueAsync(new Regex(@"Boven\n\n\[Bezig met uploaden: pasted-\d{4}-\d{2}-\d{2}-\d{4}\.png…\]\n\nOnder"));
        await Shots(page, "placeholder");
        release.SetResult();
        await Expect(text).ToHaveValueAsync(new Regex(@"Boven\n\n!\[Geplakte afbeelding\]\(_media/pasted-\d{4}-\d{2}-\d{2}-\d{4}\.png\)\n\nOnder"));
        await Expect(page.Locator("#preview img[alt='Geplakte afbeelding']")).ToBeVisibleAsync();

        // Two files dropped from the file manager: each linked by its name where the caret is.
        await text.EvaluateAsync("t => { t.focus(); t.setSelectionRange(t.value.length, t.value.length); }");
        await DropAsync(text, ("rooster team.csv", "datum;wie\n2026-12-07;Anna\n"), ("notities.txt", "Sleutel bij de receptie."));
        await Expect(text).ToHaveValueAsync(new Regex(@"Onder\n\n\[rooster team\.csv\]\(_media/rooster-team\.csv\)\n\n\[notities\.txt\]\(_media/notities\.txt\)$"));
        Assert.True(await text.EvaluateAsync<bool>("t => t.selectionStart === t.value.length && t.selectionEnd === t.value.length"), "The caret should stand behind the inserted link");

        // A program is refused: said in the editor, nothing inserted, nothing stored.
        page.ExpectError("status of 400");
        var before = await text.InputValueAsync();
        await DropAsync(text, ("installeer.exe", "MZ"));
        await Expect(page.Locator("#media-paste-error")).ToContainTextAsync("installeer.exe kan niet worden toegevoegd");
        await Expect(text).ToHaveValueAsync(before);
        await Shots(page, "refused");

        // Saved: the page shows the image (served with 200) and the file link downloads the file.
        await page.SaveAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/wiki/plakken/plattegrond"));
        var image = page.Locator("article img[alt='Geplakte afbeelding']");
        await Expect(image).ToBeVisibleAsync();
        await Expect(image).ToHaveAttributeAsync("src", new Regex(@"^/files/plakken/_media/pasted-\d{4}-\d{2}-\d{2}-\d{4}\.png$"));
        await Eventually.UntilAsync(() => image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 160"), loaded => loaded, "the pasted image to load");
        var served = await page.APIRequest.GetAsync(server.Url + await image.GetAttributeAsync("src"));
        Assert.Equal(200, served.Status);
        Assert.Equal(Convert.FromBase64String(PngBase64), await served.BodyAsync());
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("article a", new() { HasText = "rooster team.csv" }).ClickAsync());
        Assert.Equal("rooster-team.csv", download.SuggestedFilename);
        Assert.Equal("datum;wie\n2026-12-07;Anna\n", await File.ReadAllTextAsync(await download.PathAsync()));
        Assert.DoesNotContain("installeer", await api.GetStringAsync("/api/pages/plakken/plattegrond"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await api.GetAsync("/files/plakken/_media/installeer.exe")).StatusCode);
        await Shots(page, "saved");
    }

    private static Task DropAsync(ILocator text, params (string Name, string Content)[] files) =>
        text.EvaluateAsync(@"(t, files) => {
            const data = new DataTransfer();
            for (const file of files) data.items.add(new File([file.content], file.name));
            t.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
            t.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        }", files.Select(f => new { name = f.Name, content = f.Content }).ToArray());

    /// <summary>The page at desktop and phone width, for looking at (TEAMWIKI_SHOTS, else beside the tests).</summary>
    private static async Task Shots(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("TEAMWIKI_SHOTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"paste-{name}-{width}.png"), FullPage = true });
        }

        await page.SetViewportSizeAsync(1280, 900);
    }
}
