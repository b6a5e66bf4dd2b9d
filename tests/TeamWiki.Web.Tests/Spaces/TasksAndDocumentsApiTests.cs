using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using TeamWiki.Web.Search.Indexing;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Spaces;

public class TasksAndDocumentsApiTests(TeamWikiFactory factory) : IClassFixture<TeamWikiFactory>
{
    private readonly HttpClient _api = factory.AdminClient();

    [Fact]
    public async Task ATaskRoundTripsThroughTheApi()
    {
        var created = await _api.PostAsJsonAsync("/api/spaces/PROJECT-ATLAS/tasks", new
        {
            title = "Inlogpagina toegankelijk maken",
            description = "Zie [[Toegankelijkheid]].\n\n- [x] contrast\n- [ ] toetsenbord\n",
            status = "DOING",
            assignee = "@admin",
            due = "2020-01-31",
            priority = "high",
            labels = new[] { "UX", "klant" },
            links = new[] { "kennisbank/toegankelijkheid" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var task = await created.ReadJsonAsync();
        var key = task.Str("key");
        Assert.StartsWith("ATL-", key);
        Assert.Equal("doing", task.Str("status"));
        Assert.Equal("admin", task.Str("assignee"));
        Assert.True(task.GetProperty("overdue").GetBoolean());
        Assert.Equal(1, task.GetProperty("checklistDone").GetInt32());
        Assert.Equal(["ux", "klant"], task.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));

        var read = await (await _api.GetAsync($"/api/tasks/{key.ToLowerInvariant()}")).ReadJsonAsync();
        Assert.Equal("Inlogpagina toegankelijk maken", read.Str("title"));
        Assert.Contains("type=\"checkbox\"", read.Str("descriptionHtml"));
        Assert.Matches("^[0-9a-f]{40}$", read.Str("revision"));

        var moved = await _api.PatchAsJsonAsync($"/api/tasks/{key}", new { status = "Done" });
        Assert.Equal("done", (await moved.ReadJsonAsync()).Str("status"));
        Assert.False((await (await _api.GetAsync($"/api/tasks/{key}")).ReadJsonAsync()).GetProperty("overdue").GetBoolean());

        var filtered = await (await _api.GetAsync("/api/spaces/project-atlas/tasks?status=DONE&label=ux&assignee=admin")).ReadJsonAsync();
        Assert.Contains(filtered.EnumerateArray(), t => t.Str("key") == key);
        Assert.Empty((await (await _api.GetAsync("/api/spaces/project-atlas/tasks?status=todo&label=ux")).ReadJsonAsync()).EnumerateArray());

        var history = await (await _api.GetAsync($"/api/tasks/{key}/history")).ReadJsonAsync();
        Assert.Equal(2, history.GetArrayLength());

        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/tasks/{key}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"/api/tasks/{key}")).StatusCode);
    }

    [Theory]
    [InlineData("{\"title\":\"\"}", "title")]
    [InlineData("{\"title\":\"x\",\"status\":\"klaar-voor-lunch\"}", "column")]
    [InlineData("{\"title\":\"x\",\"due\":\"31-01-2020\"}", "yyyy-MM-dd")]
    [InlineData("{\"title\":\"x\",\"priority\":\"nu\"}", "priority")]
    [InlineData("{\"title\":\"x\",\"assignee\":\"niemand\"}", "cannot be given tasks")]
    public async Task BadTaskInputIsRefusedWithAReason(string json, string reason)
    {
        var before = (await (await _api.GetAsync("/api/spaces/handboek/tasks")).ReadJsonAsync()).GetArrayLength();
        var response = await _api.PostAsync("/api/spaces/handboek/tasks", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await response.ReadJsonAsync()).Str("detail"));
        Assert.Equal(before, (await (await _api.GetAsync("/api/spaces/handboek/tasks")).ReadJsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task AnEditFromAnOldVersionIsMergedOrRefusedWith409()
    {
        var task = await (await _api.PostAsJsonAsync("/api/spaces/handboek/tasks", new { title = "Samen werken", description = "eerste regel\n\nlaatste regel\n" })).ReadJsonAsync();
        var key = task.Str("key");
        var opened = (await (await _api.GetAsync($"/api/tasks/{key}")).ReadJsonAsync()).Str("revision");

        await _api.PatchAsJsonAsync($"/api/tasks/{key}", new { description = "eerste regel, aangepast\n\nlaatste regel\n", baseRevision = opened });
        var merged = await _api.PatchAsJsonAsync($"/api/tasks/{key}", new { description = "eerste regel\n\nlaatste regel, ook aangepast\n", baseRevision = opened });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var text = (await (await _api.GetAsync($"/api/tasks/{key}")).ReadJsonAsync()).Str("description");
        Assert.Contains("eerste regel, aangepast", text);
        Assert.Contains("laatste regel, ook aangepast", text);

        var conflict = await _api.PatchAsJsonAsync($"/api/tasks/{key}", new { description = "eerste regel, anders\n\nlaatste regel\n", baseRevision = opened });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("aangepast", (await conflict.ReadJsonAsync()).Str("theirs"));
    }

    [Fact]
    public async Task DocumentsAreVersionedAndFoundByTheWordsInside()
    {
        var files = new (string Name, byte[] Bytes, string Word)[]
        {
            ("Offerte.pdf", OfficeFiles.Pdf("Offerte voor de rioleringswerkzaamheden"), "rioleringswerkzaamheden"),
            ("Verslag.docx", OfficeFiles.Word("Verslag over de dakgootreparatie"), "dakgootreparatie"),
            ("Begroting.xlsx", OfficeFiles.Excel("Begroting voor de gevelisolatie"), "gevelisolatie"),
            ("Presentatie.pptx", OfficeFiles.PowerPoint("Presentatie over de zonnepaneleninstallatie"), "zonnepaneleninstallatie"),
            ("notities.md", "# Notities\n\nOver de kozijnvervanging.\n"u8.ToArray(), "kozijnvervanging"),
        };
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes, _) in files)
        {
            form.Add(new ByteArrayContent(bytes), "files", name);
        }

        var upload = await _api.PostAsync("/api/spaces/project-atlas/documents", form);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var uploaded = (await upload.ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(["offerte.pdf", "verslag.docx", "begroting.xlsx", "presentatie.pptx", "notities.md"], uploaded.Select(u => u.Str("name")));

        foreach (var (_, _, word) in files)
        {
            var hit = await WaitForSearchAsync(word);
            Assert.Equal("document", hit.Str("kind"));
            Assert.Equal("project-atlas", hit.Str("space"));
            Assert.Contains("<mark>", hit.Str("snippet"));
        }

        var id = uploaded[0].Str("id");
        Assert.Equal("project-atlas~offerte.pdf", id);
        var second = new MultipartFormDataContent { { new ByteArrayContent(OfficeFiles.Pdf("Tweede versie: nu met de goottegels")), "files", "offerte.PDF" } };
        Assert.False((await (await _api.PostAsync("/api/spaces/project-atlas/documents", second)).ReadJsonAsync())[0].GetProperty("created").GetBoolean());

        var document = await (await _api.GetAsync($"/api/documents/{id}")).ReadJsonAsync();
        var versions = document.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(2, versions.Count);
        Assert.Equal("application/pdf", document.Str("contentType"));

        var oldBytes = await _api.GetByteArrayAsync($"/api/documents/{id}/content?version={versions[1].Str("version")}");
        Assert.Equal(files[0].Bytes, oldBytes);
        var download = await _api.GetAsync($"/api/documents/{id}/content");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);

        var restored = await _api.PostAsJsonAsync($"/api/documents/{id}/restore", new { version = versions[1].Str("version") });
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal(files[0].Bytes, await _api.GetByteArrayAsync($"/api/documents/{id}/content"));
        Assert.Equal(3, (await (await _api.GetAsync($"/api/documents/{id}")).ReadJsonAsync()).GetProperty("versions").GetArrayLength());
    }

    [Fact]
    public async Task BadUploadsGetAClearErrorAndStoreNothing()
    {
        var before = (await (await _api.GetAsync("/api/spaces/kennisbank/documents")).ReadJsonAsync()).GetArrayLength();
        var fake = new MultipartFormDataContent { { new ByteArrayContent("<html><script>alert(1)</script></html>"u8.ToArray()), "files", "factuur.pdf" } };
        var refused = await _api.PostAsync("/api/spaces/kennisbank/documents", fake);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("not a .pdf", (await refused.ReadJsonAsync()).Str("detail"));

        var program = new MultipartFormDataContent { { new ByteArrayContent("MZ"u8.ToArray()), "files", "setup.exe" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await _api.PostAsync("/api/spaces/kennisbank/documents", program)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _api.PostAsJsonAsync("/api/spaces/kennisbank/documents", new { x = 1 })).StatusCode);
        Assert.Equal(before, (await (await _api.GetAsync("/api/spaces/kennisbank/documents")).ReadJsonAsync()).GetArrayLength());
    }

    [Fact]
    public void TextIsExtractedFromRealOfficeFiles()
    {
        var text = new DocumentText(NullLogger<DocumentText>.Instance);
        Assert.Contains("vergunningaanvraag", text.Extract("a.pdf", OfficeFiles.Pdf("De vergunningaanvraag is ingediend")));
        Assert.Contains("vergunningaanvraag", text.Extract("a.docx", OfficeFiles.Word("De vergunningaanvraag is ingediend")));
        var excel = text.Extract("a.xlsx", OfficeFiles.Excel("vergunningaanvraag"));
        Assert.Contains("vergunningaanvraag", excel);
        Assert.Contains("42", excel);
        Assert.Contains("vergunningaanvraag", text.Extract("a.pptx", OfficeFiles.PowerPoint("De vergunningaanvraag")));
        Assert.Equal("", text.Extract("kapot.pdf", "%PDF-kapot"u8.ToArray()));
        Assert.Equal("", text.Extract("foto.png", [0x89, 0x50, 0x4E, 0x47]));
    }

    [Fact]
    public async Task SearchFindsTasksWithTheirKind()
    {
        var task = await (await _api.PostAsJsonAsync("/api/spaces/kennisbank/tasks", new { title = "Lantaarnpaalonderhoud plannen" })).ReadJsonAsync();
        var hit = await WaitForSearchAsync("lantaarnpaalonderhoud");
        Assert.Equal("task", hit.Str("kind"));
        Assert.Equal(task.Str("key"), hit.Str("path"));
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

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"'{word}' was not found");
            await Task.Delay(100);
        }
    }
}
