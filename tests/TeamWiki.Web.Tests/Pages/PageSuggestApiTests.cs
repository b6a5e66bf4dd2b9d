using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Pages;

/// <summary>
/// <c>GET /api/pages/suggest</c>, the editor's <c>[[</c> picker: pages the author may read whose title or
/// address matches, title starts first, with a link text that leads to exactly that page from the
/// writing page's space. "kluis" is private (lid is a member); schrijver is staff outside it; lezer is a
/// guest of "handboek". Each test uses its own page names.
/// </summary>
public sealed class PageSuggestApiTests(PageViewCacheTests.People people) : IClassFixture<PageViewCacheTests.People>
{
    [Fact]
    public async Task TitlesThatStartWithTheTextComeFirstAndOwnSpacePagesAreLinkedByTitle()
    {
        await SaveAsync("handboek/ps-zeilkamp", "Zeilkamp planning");
        await SaveAsync("kennisbank/ps-zeilboot", "Zeilboot onderhoud");
        await SaveAsync("handboek/ps-oude-zeilen", "Oude zeilen opruimen");

        var found = await SuggestAsync(people.Admin, "zeil", "handboek");

        Assert.Equal(["handboek/ps-zeilkamp", "kennisbank/ps-zeilboot", "handboek/ps-oude-zeilen"], found.Select(s => s.Str("path")));
        var own = found[0];
        Assert.Equal(("Zeilkamp planning", "handboek", "Teamhandboek", "[[Zeilkamp planning]]", "/wiki/handboek/ps-zeilkamp"),
            (own.Str("title"), own.Str("space"), own.Str("spaceName"), own.Str("link"), own.Str("url")));
        Assert.Equal("[[kennisbank/ps-zeilboot]]", found[1].Str("link"));
    }

    [Fact]
    public async Task TheAddressCountsAndAccentsAndCaseDoNot()
    {
        await SaveAsync("kennisbank/ps-cafe-regels", "Regels voor het Café");

        Assert.Contains("kennisbank/ps-cafe-regels", (await SuggestAsync(people.Admin, "CAFE", null)).Select(s => s.Str("path")));
        Assert.Contains("kennisbank/ps-cafe-regels", (await SuggestAsync(people.Admin, "ps-cafe", null)).Select(s => s.Str("path")));
    }

    [Fact]
    public async Task APrivateSpacesPagesNeverAppearForANonMemberOrAGuest()
    {
        await SaveAsync("kluis/ps-kluisplan", "Kluisplan geheim");
        await SaveAsync("handboek/ps-kluisplan-open", "Kluisplan openbaar");
        var member = await people.SessionAsync("lid");
        var outsider = await people.SessionAsync("schrijver");
        var guest = await people.SessionAsync("lezer");

        Assert.Equal(["handboek/ps-kluisplan-open", "kluis/ps-kluisplan"], (await SuggestAsync(member.Client, "kluisplan", null)).Select(s => s.Str("path")).Order());
        foreach (var stranger in new[] { outsider.Client, guest.Client })
        {
            var found = await SuggestAsync(stranger, "kluisplan", "handboek");
            Assert.Equal(["handboek/ps-kluisplan-open"], found.Select(s => s.Str("path")));
            var raw = await (await stranger.GetAsync("/api/pages/suggest?q=geheim")).Content.ReadAsStringAsync();
            Assert.Equal("[]", raw);
        }

        // Writing "from" the hidden space answers exactly as from a space that does not exist.
        var hidden = await guest.Client.GetAsync("/api/pages/suggest?q=kluisplan&space=kluis");
        var missing = await guest.Client.GetAsync("/api/pages/suggest?q=kluisplan&space=bestaat-niet");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var hiddenBody = await hidden.ReadJsonAsync();
        var missingBody = await missing.ReadJsonAsync();
        Assert.Equal((hiddenBody.Str("title"), hiddenBody.Str("detail")), (missingBody.Str("title"), missingBody.Str("detail")));
        Assert.DoesNotContain("geheim", hiddenBody.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ATitleThatDoesNotNameOnePageOfTheSpaceIsLinkedByPathAndEveryLinkLeadsToItsPage()
    {
        await SaveAsync("handboek/ps-dubbel-een", "Dubbel overleg");
        await SaveAsync("handboek/ps-dubbel-twee", "Dubbel overleg");
        await SaveAsync("handboek/ps-ci-cd", "Dubbel CI/CD");
        await SaveAsync("kennisbank/ps-dubbel-elders", "Dubbel enkel");

        var found = await SuggestAsync(people.Admin, "dubbel", "handboek");

        var links = found.ToDictionary(s => s.Str("path"), s => s.Str("link"));
        Assert.Equal("[[handboek/ps-dubbel-een]]", links["handboek/ps-dubbel-een"]);
        Assert.Equal("[[handboek/ps-dubbel-twee]]", links["handboek/ps-dubbel-twee"]);
        Assert.Equal("[[handboek/ps-ci-cd]]", links["handboek/ps-ci-cd"]);
        Assert.Equal("[[kennisbank/ps-dubbel-elders]]", links["kennisbank/ps-dubbel-elders"]);

        // Written on a page of that space, each link leads to the page it was chosen for.
        await people.Admin.PutPageAsync("handboek/ps-dubbel-links", string.Join("\n\n", links.Values));
        var html = (await (await people.Admin.GetAsync("/api/pages/handboek/ps-dubbel-links")).ReadJsonAsync()).Str("html");
        foreach (var path in links.Keys)
        {
            Assert.Contains($"href=\"/wiki/{path}\"", html);
        }
    }

    [Fact]
    public async Task AnOwnTitleLinkLeadsToTheOwnSpacesPageEvenWhenAnotherSpaceHasThatTitle()
    {
        await SaveAsync("handboek/ps-zelfde", "Zelfde naam ps");
        await SaveAsync("kennisbank/ps-zelfde", "Zelfde naam ps");

        var fromHandboek = await SuggestAsync(people.Admin, "zelfde naam ps", "handboek");

        Assert.Equal("[[Zelfde naam ps]]", fromHandboek.Single(s => s.Str("path") == "handboek/ps-zelfde").Str("link"));
        Assert.Equal("[[kennisbank/ps-zelfde]]", fromHandboek.Single(s => s.Str("path") == "kennisbank/ps-zelfde").Str("link"));
        await people.Admin.PutPageAsync("handboek/ps-zelfde-links", "[[Zelfde naam ps]]");
        var html = (await (await people.Admin.GetAsync("/api/pages/handboek/ps-zelfde-links")).ReadJsonAsync()).Str("html");
        Assert.Contains("href=\"/wiki/handboek/ps-zelfde\"", html);
    }

    [Theory]
    [InlineData("/api/pages/suggest")]
    [InlineData("/api/pages/suggest?q=")]
    [InlineData("/api/pages/suggest?q=%20%20")]
    [InlineData("/api/pages/suggest?q=a%01b")]
    [InlineData("/api/pages/suggest?q=zeil&limit=0")]
    [InlineData("/api/pages/suggest?q=zeil&limit=21")]
    [InlineData("/api/pages/suggest?q=zeil&limit=veel")]
    public async Task BadInputIsAClearBadRequest(string url)
    {
        var response = await people.Admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace((await response.ReadJsonAsync()).Str("detail")));
    }

    [Fact]
    public async Task ATooLongQueryIsABadRequestAndStrangersAreNotLetIn()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await people.Admin.GetAsync("/api/pages/suggest?q=" + new string('a', 201))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await people.Admin.GetAsync("/api/pages/suggest?q=" + new string('a', 200))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await people.Server.AnonymousClient().GetAsync("/api/pages/suggest?q=zeil")).StatusCode);
    }

    private async Task SaveAsync(string path, string title) =>
        (await people.Admin.PutAsJsonAsync("/api/pages/" + path, new { markdown = $"---\ntitle: {title}\n---\n\nTekst van {title}.\n" })).EnsureSuccessStatusCode();

    private static async Task<List<JsonElement>> SuggestAsync(HttpClient client, string q, string? space)
    {
        var response = await client.GetAsync("/api/pages/suggest?q=" + Uri.EscapeDataString(q) + (space is null ? "" : "&space=" + space));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).EnumerateArray().ToList();
    }
}
