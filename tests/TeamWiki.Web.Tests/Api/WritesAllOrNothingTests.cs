using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TeamWiki.Storage.Changes;
using TeamWiki.Storage.Git;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Api;

public class WritesAllOrNothingTests(TeamWikiFactory factory) : IClassFixture<TeamWikiFactory>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task AnUploadWithOneRefusedFileStoresNoneOfItsFiles()
    {
        var api = factory.AdminClient();
        var before = Head();
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Pdf), "files", "eerst-goed.pdf" },
            { new ByteArrayContent("gewone tekst"u8.ToArray()), "files", "ook-goed.txt" },
            { new ByteArrayContent("MZ"u8.ToArray()), "files", "setup.exe" },
        };

        var response = await api.PostAsync("/api/spaces/handboek/documents", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, Head());
        var names = (await (await api.GetAsync("/api/spaces/handboek/documents")).ReadJsonAsync()).EnumerateArray().Select(d => d.Str("name")).ToList();
        Assert.DoesNotContain("eerst-goed.pdf", names);
        Assert.DoesNotContain("ook-goed.txt", names);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/documents/handboek~eerst-goed.pdf")).StatusCode);
    }

    [Fact]
    public async Task AMultiFileUploadIsOneCommit()
    {
        var api = factory.AdminClient();
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Pdf), "files", "samen-een.pdf" },
            { new ByteArrayContent("twee"u8.ToArray()), "files", "samen-twee.txt" },
        };

        var response = await api.PostAsync("/api/spaces/kennisbank/documents", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var versions = (await response.ReadJsonAsync()).EnumerateArray().Select(d => d.Str("version")).Distinct().ToList();
        Assert.Single(versions);
        foreach (var id in new[] { "kennisbank~samen-een.pdf", "kennisbank~samen-twee.txt" })
        {
            var document = await (await api.GetAsync($"/api/documents/{id}")).ReadJsonAsync();
            Assert.Equal(versions[0], document.Str("revision"));
        }
    }

    [Fact]
    public async Task WritingAPageInASpaceThatDoesNotExistIs404AndWritesNothing()
    {
        var api = factory.AdminClient();
        var before = Head();

        var put = await api.PutPageAsync("bestaat-niet/pagina", "tekst\n");
        var move = await api.PostAsJsonAsync("/api/pages/handboek/welkom/move", new { to = "bestaat-niet/welkom" });
        var editor = await api.GetAsync("/edit/bestaat-niet/pagina");

        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, editor.StatusCode);
        Assert.Equal("Page not found", (await put.ReadJsonAsync()).Str("title"));
        Assert.Equal(before, Head());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/spaces/bestaat-niet")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/pages/handboek/welkom")).StatusCode);

        // Made on purpose, the space takes pages.
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/spaces", new { key = "bestaat-niet", name = "Bestaat nu wel" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.PutPageAsync("bestaat-niet/pagina", "tekst\n")).StatusCode);
    }

    /// <summary>The tip of the branch.</summary>
    private string? Head() => factory.Services.GetRequiredService<IChangeFeed>().Head;
}
