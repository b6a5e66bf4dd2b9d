using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Documents;

[Collection(BrowserCollection.Name)]
public class DocumentTests(Browser browser, WikiServer server)
{
    [Fact]
    public async Task AnUploadedPdfIsFoundByAWordInItsTextAndAnOlderVersionCanBeRestored()
    {
        var first = TestFiles.Pdf("Offerte voor zonnepanelen op het dak van de werkplaats");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(server.Url);
        await page.GotoAsync(server.Url + "/spaces/kennisbank/documents");
        await page.Locator("#upload-input").SetInputFilesAsync(new FilePayload { Name = "Offerte zonnepanelen.pdf", MimeType = "application/pdf", Buffer = first });
        await Expect(page.Locator("#document-table")).ToContainTextAsync("offerte-zonnepanelen.pdf");

        // Found by a word that is only inside the PDF, shown as a document of its space.
        var hit = await page.SearchUntilFoundAsync(server.Url, "zonnepanelen", "offerte-zonnepanelen.pdf");
        await Expect(hit.Locator(".snippet mark").First).ToBeVisibleAsync();
        await Expect(hit).ToContainTextAsync("Kennisbank");
        await hit.Locator("a.result-title").ClickAsync();
        await Expect(page.Locator("#document-name")).ToHaveTextAsync("offerte-zonnepanelen.pdf");
        await Expect(page.Locator("#pdf-preview")).ToBeVisibleAsync();

        // A new version replaces the current one, whatever the new file is called.
        await page.Locator("#version-input").SetInputFilesAsync(new FilePayload { Name = "offerte-v2.pdf", MimeType = "application/pdf", Buffer = TestFiles.Pdf("Nieuwe offerte voor warmtepompen") });
        await Expect(page.Locator("#version-table tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#document-text")).ToContainTextAsync("warmtepompen");

        // Restoring version 1 makes it current again, as a third version.
        await page.ClickAsync("[data-restore='1']");
        await Expect(page.Locator("#document-message")).ToBeVisibleAsync();
        await Expect(page.Locator("#version-table tbody tr")).ToHaveCountAsync(3);
        var current = await server.Api().GetByteArrayAsync("/api/documents/kennisbank~offerte-zonnepanelen.pdf/content");
        Assert.Equal(first, current);
        var metadata = JsonDocument.Parse(await server.Api().GetStringAsync("/api/documents/kennisbank~offerte-zonnepanelen.pdf")).RootElement;
        Assert.Equal(3, metadata.GetProperty("versions").GetArrayLength());
    }

    [Fact]
    public async Task SeveralFilesDroppedTogetherAreUploadedAndAFileOverTheLimitIsRefusedWithAMessage()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(server.Url);
        await page.GotoAsync(server.Url + "/spaces/project-atlas/documents");

        // What a drop from the file manager delivers: a DataTransfer with two files.
        await page.Locator(".upload-zone").EvaluateAsync(@"zone => {
            const data = new DataTransfer();
            data.items.add(new File(['Notulen van de stuurgroep over de aanbesteding'], 'notulen stuurgroep.txt', { type: 'text/plain' }));
            data.items.add(new File(['# Risico\u0027s\n\nDe leverancier levert te laat.'], 'risicos.md', { type: 'text/markdown' }));
            zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
            zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        }");
        await Expect(page.Locator("#document-table")).ToContainTextAsync("notulen-stuurgroep.txt");
        await Expect(page.Locator("#document-table")).ToContainTextAsync("risicos.md");

        // Over the limit (50 MB by default): refused in the browser with the limit named; nothing stored.
        await page.Locator(".upload-zone").EvaluateAsync(@"zone => {
            const data = new DataTransfer();
            data.items.add(new File([new Uint8Array(51 * 1024 * 1024)], 'te-groot.pdf', { type: 'application/pdf' }));
            zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        }");
        await Expect(page.Locator(".upload-failed")).ToContainTextAsync("te-groot.pdf is groter dan de limiet van 50 MB");
        var list = await server.Api().GetStringAsync("/api/spaces/project-atlas/documents");
        Assert.DoesNotContain("te-groot", list);
    }

    [Fact]
    public async Task AFileWhoseContentsDoNotMatchItsTypeIsRefusedWithTheServersReason()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(server.Url);
        await page.GotoAsync(server.Url + "/spaces/project-atlas/documents");
        page.ExpectError("status of 400 (Bad Request)");
        await page.Locator("#upload-input").SetInputFilesAsync(new FilePayload { Name = "nep.pdf", MimeType = "application/pdf", Buffer = "<script>alert(1)</script>"u8.ToArray() });
        await Expect(page.Locator(".upload-failed")).ToContainTextAsync("nep.pdf");
        var list = await server.Api().GetStringAsync("/api/spaces/project-atlas/documents");
        Assert.DoesNotContain("nep.pdf", list);
    }
}
