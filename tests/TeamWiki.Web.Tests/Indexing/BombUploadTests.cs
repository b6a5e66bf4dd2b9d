using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TeamWiki.Web.Search.Indexing;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Indexing;

/// <summary>A server whose text extraction limits are small, so small bombs exceed them.</summary>
public sealed class SmallExtractionLimitsFactory : TeamWikiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["TeamWiki:TextExtraction:MaxPartBytes"] = (1024 * 1024).ToString(),
        ["TeamWiki:TextExtraction:MaxTotalBytes"] = (3 * 1024 * 1024).ToString(),
        ["TeamWiki:TextExtraction:MaxChars"] = "20000",
    };
}

public class BombUploadTests(SmallExtractionLimitsFactory factory) : IClassFixture<SmallExtractionLimitsFactory>
{
    private readonly HttpClient _api = factory.AdminClient();

    [Fact]
    public async Task BombsAreStoredAndIndexedUpToTheLimitAndTheNextDocumentIsStillSearchable()
    {
        const long xml = 8 * 1024 * 1024;
        var bombs = new (string Name, byte[] Content, string Marker)[]
        {
            ("bom.docx", DocumentBombs.Word("wordbomvoorwoord", xml), "wordbomvoorwoord"),
            ("bom.xlsx", DocumentBombs.Excel("excelbomvoorwoord", xml), "excelbomvoorwoord"),
            ("bom.pptx", DocumentBombs.PowerPoint("pptbomvoorwoord", xml), "pptbomvoorwoord"),
            ("bom.pdf", DocumentBombs.Pdf("pdfbomvoorblad", "pdfbomslotpagina", xml), "pdfbomslotpagina"),
        };
        foreach (var (name, content, _) in bombs)
        {
            var upload = new MultipartFormDataContent { { new ByteArrayContent(content), "files", name } };
            Assert.Equal(HttpStatusCode.Created, (await _api.PostAsync("/api/spaces/kennisbank/documents", upload)).StatusCode);
        }

        var normal = new MultipartFormDataContent { { new ByteArrayContent(OfficeFiles.Word("Na de bommen: het kozijnherstelplan")), "files", "normaal.docx" } };
        Assert.Equal(HttpStatusCode.Created, (await _api.PostAsync("/api/spaces/kennisbank/documents", normal)).StatusCode);

        Assert.Equal("kennisbank~normaal.docx", (await WaitForSearchAsync("kozijnherstelplan")).Str("path"));
        foreach (var (name, _, marker) in bombs)
        {
            Assert.Equal($"kennisbank~{name}", (await WaitForSearchAsync(marker)).Str("path"));
        }

        var stored = await (await _api.GetAsync("/api/spaces/kennisbank/documents")).ReadJsonAsync();
        var names = stored.EnumerateArray().Select(d => d.Str("name")).ToList();
        Assert.All(bombs, b => Assert.Contains(b.Name, names));

        var health = await _api.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var report = await health.ReadJsonAsync();
        Assert.Equal("ok", report.Str("status"));
        Assert.Equal("ok", report.Str("indexer"));
        Assert.True(report.GetProperty("indexerDetails").GetProperty("documentsCutOff").GetInt64() >= bombs.Length);
    }

    [Fact]
    public async Task HealthIsUnhealthyWhileTheIndexerFailsAndRecoversWithIt()
    {
        // Only once the indexer is idle: a round finishing now would (rightly) clear the failure.
        await factory.Services.GetRequiredService<IndexFeeder>().CaughtUp.WaitAsync(TimeSpan.FromSeconds(60));
        await WaitUntilIndexedAsync();
        var status = factory.Services.GetRequiredService<IndexerStatus>();
        try
        {
            HttpResponseMessage failing;
            var attempts = 0;
            do
            {
                // Set again if a round that was just finishing cleared it between the two lines.
                status.Failed(new IOException("No space left on device"));
                failing = await _api.GetAsync("/health");
            }
            while (failing.StatusCode == HttpStatusCode.OK && ++attempts < 10);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, failing.StatusCode);
            var report = await failing.ReadJsonAsync();
            Assert.Equal("unhealthy", report.Str("status"));
            Assert.Equal("failing", report.Str("indexer"));
            Assert.Contains("No space left on device", report.GetProperty("indexerDetails").Str("lastError"));
            // The stores themselves are fine, and the report says so.
            Assert.Equal("ok", report.Str("database"));
            Assert.Equal("ok", report.Str("index"));
        }
        finally
        {
            status.Succeeded();
        }

        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("/health")).StatusCode);
    }

    private async Task WaitUntilIndexedAsync()
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var health = await (await _api.GetAsync("/health")).ReadJsonAsync();
            if (health.Str("head") == health.Str("indexedCommit"))
            {
                return;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "the index did not catch up");
            await Task.Delay(100);
        }
    }

    private async Task<JsonElement> WaitForSearchAsync(string word)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var results = await (await _api.GetAsync("/api/search?q=" + word)).ReadJsonAsync();
            if (results.GetProperty("total").GetInt32() > 0)
            {
                return results.GetProperty("items")[0];
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"'{word}' was not found");
            await Task.Delay(100);
        }
    }
}
