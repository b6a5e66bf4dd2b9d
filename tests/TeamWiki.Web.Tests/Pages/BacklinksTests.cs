using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TeamWiki.Web.Pages.Cache;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Pages;

/// <summary>
/// "Linked from": the pages linking to a page, over the API and on the page view, only those the reader
/// may read, current on the next view after a save, also when the view came from the page view cache.
/// Each test uses its own pages. "kluis" is private (lid and eigenaar are members); schrijver is staff
/// outside it; lezer is a guest of "handboek".
/// </summary>
public sealed class BacklinksTests(PageViewCacheTests.People people) : IClassFixture<PageViewCacheTests.People>
{
    private PageViewCache Cache => people.Server.Services.GetRequiredService<PageViewCache>();

    [Fact]
    public async Task TheApiListsThePagesThatLinkByPathAndByTitle()
    {
        await SaveAsync("handboek/bl-doel", "---\ntitle: Koffie-overleg\n---\n\nHet doel.\n");
        await SaveAsync("handboek/bl-op-pad", "---\ntitle: Agenda\n---\n\nZie [[handboek/bl-doel]].");
        await SaveAsync("handboek/bl-op-titel", "Zie [[koffie-OVERLEG|het overleg]].");
        await SaveAsync("handboek/bl-niets", "Geen link, alleen `[[handboek/bl-doel]]` als code.");

        var links = await BacklinksAsync(people.Admin, "handboek/bl-doel");

        Assert.Equal(["handboek/bl-op-pad", "handboek/bl-op-titel"], links.Select(l => l.Str("path")).Order());
        var byPath = links.Single(l => l.Str("path") == "handboek/bl-op-pad");
        Assert.Equal("Agenda", byPath.Str("title"));
        Assert.Equal("handboek", byPath.Str("space"));
    }

    [Fact]
    public async Task AReaderNeverSeesALinkingPageInASpaceTheyMayNotRead()
    {
        await SaveAsync("handboek/bl-open", "Een open pagina.");
        await SaveAsync("kluis/bl-geheim", "Uit de kluis: [[handboek/bl-open]].");
        await SaveAsync("handboek/bl-buur", "Van de buren: [[handboek/bl-open]].");
        var member = await people.SessionAsync("lid");
        var outsider = await people.SessionAsync("schrijver");

        Assert.Equal(["handboek/bl-buur", "kluis/bl-geheim"], (await BacklinksAsync(member.Client, "handboek/bl-open")).Select(l => l.Str("path")).Order());
        Assert.Equal(["handboek/bl-buur"], (await BacklinksAsync(outsider.Client, "handboek/bl-open")).Select(l => l.Str("path")));

        // The member's view is kept first; the outsider's next view must not be that one.
        Assert.Contains("/wiki/kluis/bl-geheim", await ViewAsync(member, "handboek/bl-open"));
        Assert.Contains("/wiki/kluis/bl-geheim", await ViewAsync(member, "handboek/bl-open"));
        var before = Cache.Count;
        var asOutsider = await ViewAsync(outsider, "handboek/bl-open");
        Assert.Equal(before + 1, Cache.Count);
        Assert.Contains("/wiki/handboek/bl-buur", asOutsider);
        Assert.DoesNotContain("bl-geheim", asOutsider);
        Assert.DoesNotContain("bl-geheim", await ViewAsync(outsider, "handboek/bl-open"));
    }

    [Fact]
    public async Task ABacklinkAppearsAndGoesOnTheNextViewAfterASave()
    {
        await SaveAsync("handboek/bl-vast", "Een vaste pagina.");
        await SaveAsync("handboek/bl-wisselend", "Nog geen link.");
        var writer = await people.SessionAsync("schrijver");
        Assert.DoesNotContain("id=\"backlinks\"", await ViewAsync(writer, "handboek/bl-vast"));
        Assert.DoesNotContain("id=\"backlinks\"", await ViewAsync(writer, "handboek/bl-vast"));

        await SaveAsync("handboek/bl-wisselend", "Nu wel: [[handboek/bl-vast]].");
        var withLink = await ViewAsync(writer, "handboek/bl-vast");
        Assert.Contains("Gelinkt vanaf", withLink);
        Assert.Contains("href=\"/wiki/handboek/bl-wisselend\"", withLink);
        Assert.Contains("href=\"/wiki/handboek/bl-wisselend\"", await ViewAsync(writer, "handboek/bl-vast"));

        await SaveAsync("handboek/bl-wisselend", "De link is weg.");
        Assert.DoesNotContain("id=\"backlinks\"", await ViewAsync(writer, "handboek/bl-vast"));
        Assert.Empty(await BacklinksAsync(people.Admin, "handboek/bl-vast"));
    }

    [Fact]
    public async Task MovedAndDeletedLinkingPagesAreFollowed()
    {
        await SaveAsync("handboek/bl-bestemming", "Bestemming.");
        await SaveAsync("handboek/bl-verhuizer", "Naar [[handboek/bl-bestemming]].");
        await SaveAsync("handboek/bl-verdwijner", "Ook naar [[handboek/bl-bestemming]].");

        (await people.Admin.PostAsJsonAsync("/api/pages/handboek/bl-verhuizer/move", new { to = "handboek/bl-verhuisd" })).EnsureSuccessStatusCode();
        (await people.Admin.DeleteAsync("/api/pages/handboek/bl-verdwijner")).EnsureSuccessStatusCode();

        Assert.Equal(["handboek/bl-verhuisd"], (await BacklinksAsync(people.Admin, "handboek/bl-bestemming")).Select(l => l.Str("path")));
    }

    [Fact]
    public async Task AHiddenOrMissingPageAnswersNotFoundAndNamesNothing()
    {
        await SaveAsync("kluis/bl-kluisdoel", "In de kluis.");
        await SaveAsync("kluis/bl-kluisbron", "Naar [[kluis/bl-kluisdoel]].");
        var outsider = await people.SessionAsync("schrijver");
        var member = await people.SessionAsync("lid");

        Assert.Single(await BacklinksAsync(member.Client, "kluis/bl-kluisdoel"));
        var hidden = await outsider.Client.GetAsync("/api/pages/kluis/bl-kluisdoel/backlinks");
        var hiddenAndMissing = await outsider.Client.GetAsync("/api/pages/kluis/bl-bestaat-niet/backlinks");
        var missing = await outsider.Client.GetAsync("/api/pages/handboek/bl-bestaat-niet/backlinks");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var hiddenBody = await hidden.ReadJsonAsync();
        var otherBody = await hiddenAndMissing.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.NotFound, hiddenAndMissing.StatusCode);
        Assert.Equal((hiddenBody.Str("title"), hiddenBody.Str("detail")), (otherBody.Str("title"), otherBody.Str("detail")));
        Assert.DoesNotContain("bl-kluis", hiddenBody.GetRawText());
        Assert.Equal(HttpStatusCode.BadRequest, (await people.Admin.GetAsync("/api/pages/handboek/bl%01x/backlinks")).StatusCode);
    }

    private async Task SaveAsync(string path, string markdown) =>
        (await people.Admin.PutAsJsonAsync("/api/pages/" + path, new { markdown })).EnsureSuccessStatusCode();

    private static async Task<List<JsonElement>> BacklinksAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync($"/api/pages/{path}/backlinks");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).EnumerateArray().ToList();
    }

    private static async Task<string> ViewAsync(BrowserSession session, string path)
    {
        var response = await session.Client.GetAsync("/wiki/" + path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
