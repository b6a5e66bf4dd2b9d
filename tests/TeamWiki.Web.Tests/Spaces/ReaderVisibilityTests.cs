using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Spaces;

/// <summary>
/// Links, suggestions and names follow access: what staff outside the private space "geheim" and guests
/// get over HTTP, each time next to a positive control by someone who may see it.
/// </summary>
public partial class ReaderVisibilityTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private HttpClient Owner => fixture.Clients["owner"];
    private HttpClient Member => fixture.Clients["member"];
    private HttpClient Outsider => fixture.Clients["outsider"];
    private HttpClient Guest => fixture.Clients["guest"];

    [Fact]
    public async Task PageLinksIntoAHiddenSpaceAreTextForOutsidersAndLinksForMembers()
    {
        (await Owner.PutPageAsync("handboek/wegwijzer", "# Wegwijzer\n\nZie [[geheim/plan]] en [[geheim/plan|het plan]].\n")).EnsureSuccessStatusCode();

        var outsider = await PageHtmlAsync(Outsider, "handboek/wegwijzer");
        var member = await PageHtmlAsync(Member, "handboek/wegwijzer");

        Assert.Contains("href=\"/wiki/geheim/plan\"", member);
        Assert.DoesNotContain("/geheim/plan\"", outsider);
        Assert.Contains("Zie geheim/plan en het plan.", outsider);
        Assert.DoesNotContain("missing", outsider);

        var view = await (await Outsider.GetAsync("/wiki/handboek/wegwijzer")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("href=\"/wiki/geheim/plan\"", view);
        Assert.Contains("href=\"/wiki/geheim/plan\"", await (await Member.GetAsync("/wiki/handboek/wegwijzer")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AGuestSeesLinksOutOfTheirSpaceAsText()
    {
        (await Owner.PutPageAsync("geheim/verwijzing", "# Verwijzing\n\nLees [[handboek/welkom]] eerst.\n")).EnsureSuccessStatusCode();

        var guest = await PageHtmlAsync(Guest, "geheim/verwijzing");
        var member = await PageHtmlAsync(Member, "geheim/verwijzing");

        Assert.Contains("href=\"/wiki/handboek/welkom\"", member);
        Assert.DoesNotContain("/wiki/handboek", guest);
        Assert.DoesNotContain("Welkom bij", guest);
        Assert.Contains("Lees handboek/welkom eerst.", guest);
    }

    [Fact]
    public async Task PostsRepliesCommentsAndTasksRenderLinksForTheirReader()
    {
        var text = "Zie [[geheim/plan]] en [[Plan]].";
        var post = await (await Owner.PostAsJsonAsync("/api/posts", new { markdown = text })).ReadJsonAsync();
        var id = post.GetProperty("id").GetInt64();
        (await Owner.PostAsJsonAsync($"/api/posts/{id}/replies", new { markdown = text })).EnsureSuccessStatusCode();
        (await Owner.PostAsJsonAsync("/api/comments?target=page:handboek/open-plan", new { markdown = text })).EnsureSuccessStatusCode();
        var task = await (await Owner.PostAsJsonAsync("/api/spaces/handboek/tasks", new { title = "Koppelen", description = text })).ReadJsonAsync();

        async Task<string[]> Htmls(HttpClient client)
        {
            var p = await (await client.GetAsync($"/api/posts/{id}")).ReadJsonAsync();
            var comments = await (await client.GetAsync("/api/comments?target=page:handboek/open-plan")).ReadJsonAsync();
            var t = await (await client.GetAsync($"/api/tasks/{task.Str("key")}")).ReadJsonAsync();
            return [p.Str("html"), p.GetProperty("replies")[0].Str("html"), comments.EnumerateArray().Last().Str("html"), t.Str("descriptionHtml"),
                p.GetProperty("cards").GetRawText()];
        }

        var member = await Htmls(Member);
        var outsider = await Htmls(Outsider);

        Assert.All(member[..4], html => Assert.Contains("href=\"/wiki/geheim/plan\"", html));
        Assert.Contains("/wiki/geheim/plan", member[4]);
        Assert.All(outsider, html => Assert.DoesNotContain("/wiki/geheim/plan", html));
        Assert.All(outsider[..4], html => Assert.Contains("geheim/plan", html));
        Assert.Equal("[]", outsider[4]);
    }

    public static TheoryData<string, int> HiddenAddresses() => new()
    {
        { "/wiki/geheim", 200 },
        { "/wiki/geheim/plan", 200 },
        { "/spaces/geheim/board", 200 },
        { "/spaces/geheim/tasks", 200 },
        { "/spaces/geheim/documents", 200 },
        { "/spaces/geheim/discussions", 200 },
        { "/spaces/geheim/activity", 200 },
        { "/spaces/geheim/settings", 200 },
        { "/spaces/geheim/tasks/new", 200 },
        { "/tasks/GH-1", 200 },
        { "/tasks/GH-1/edit", 200 },
        { "/history/geheim/plan", 200 },
        { "/edit/geheim/plan", 200 },
        { "/move/geheim/plan", 200 },
        { "/delete/geheim/plan", 200 },
        { "/diff/geheim/plan?from=HEAD", 200 },
        { "/revert/geheim/plan?revision=HEAD", 200 },
    };

    [Theory]
    [MemberData(nameof(HiddenAddresses))]
    public async Task AHiddenSpaceIs404WithoutItsNameAndLooksLikeOneThatDoesNotExist(string url, int ownerStatus)
    {
        var control = await Owner.GetAsync(url.Replace("HEAD", await HeadAsync()));
        Assert.Equal(ownerStatus, (int)control.StatusCode);
        Assert.Contains("Geheim project", await control.Content.ReadAsStringAsync());

        foreach (var who in new[] { "outsider", "otherguest" })
        {
            var hidden = await fixture.Clients[who].GetAsync(url);
            var missing = await fixture.Clients[who].GetAsync(url.Replace("geheim", "nergens").Replace("GH-", "NG-"));

            Assert.True(hidden.StatusCode == HttpStatusCode.NotFound, $"{who} {url}: {(int)hidden.StatusCode}");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            var hiddenHtml = await hidden.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Geheim project", hiddenHtml);
            Assert.DoesNotContain("breadcrumbs", MainOf(hiddenHtml));
            Assert.Equal(Title(await missing.Content.ReadAsStringAsync()), Title(hiddenHtml));
            Assert.Equal(MainOf(await missing.Content.ReadAsStringAsync()).Replace("nergens", "geheim").Replace("NG-", "GH-"), MainOf(hiddenHtml));
        }
    }

    [Fact]
    public async Task SuggestionsAndDidYouMeanComeOnlyFromReadableSpaces()
    {
        var member = await (await Member.GetAsync("/api/search?q=kwartelkonink")).ReadJsonAsync();
        var outsider = await (await Outsider.GetAsync("/api/search?q=kwartelkonink")).ReadJsonAsync();
        var exact = await (await Outsider.GetAsync($"/api/search?q={AccessFixture.SecretWord}")).ReadJsonAsync();

        Assert.Equal(AccessFixture.SecretWord, member.Str("suggestion"));
        var offered = outsider.GetProperty("suggestion");
        Assert.False(offered.ValueKind == JsonValueKind.String && offered.GetString()!.Contains("kwartel"), $"the outsider was offered {offered}");
        Assert.Contains("Fuzzy", exact.GetProperty("notices").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(0, exact.GetProperty("total").GetInt32());
        Assert.DoesNotContain("kwartelkoning", await (await Outsider.GetAsync("/search?q=kwartelkonink")).Content.ReadAsStringAsync());
        Assert.Contains("kwartelkoning", await (await Member.GetAsync("/search?q=kwartelkonink")).Content.ReadAsStringAsync());

        var filtered = await (await Outsider.GetAsync("/search?q=plan&space=geheim")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Geheim project", filtered);
        Assert.Contains("Geheim project", await (await Member.GetAsync("/search?q=plan&space=geheim")).Content.ReadAsStringAsync());
        Assert.DoesNotContain((await (await Outsider.GetAsync("/api/search/suggest?q=plan")).ReadJsonAsync()).EnumerateArray(), s => s.Str("path").StartsWith("geheim/"));
        Assert.Contains((await (await Member.GetAsync("/api/search/suggest?q=plan")).ReadJsonAsync()).EnumerateArray(), s => s.Str("path") == "geheim/plan");
    }

    [Fact]
    public async Task GuestsSeeOnlyThePeopleTheyShareASpaceWith()
    {
        var guestSees = Handles(await (await Guest.GetAsync("/api/people")).ReadJsonAsync());
        var staffSees = Handles(await (await Outsider.GetAsync("/api/people")).ReadJsonAsync());

        Assert.Contains("otherguest", staffSees);
        Assert.Contains("outsider", staffSees);
        Assert.Equal(["guest", "member", "owner"], guestSees.Order());
        Assert.Empty(Handles(await (await Guest.GetAsync("/api/people?q=out")).ReadJsonAsync()));
        Assert.NotEmpty(Handles(await (await Outsider.GetAsync("/api/people?q=out")).ReadJsonAsync()));

        var stranger = await Guest.GetAsync("/api/people/outsider");
        var nobody = await Guest.GetAsync("/api/people/niemand");
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal((await nobody.ReadJsonAsync()).Str("detail").Replace("niemand", "outsider"), (await stranger.ReadJsonAsync()).Str("detail"));
        Assert.Equal(HttpStatusCode.OK, (await Guest.GetAsync("/api/people/owner")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Guest.GetAsync("/people/outsider")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Guest.GetAsync("/people/owner")).StatusCode);
        var directory = await (await Guest.GetAsync("/people")).Content.ReadAsStringAsync();
        Assert.Contains("data-handle=\"owner\"", directory);
        Assert.DoesNotContain("data-handle=\"outsider\"", directory);

        var profiles = fixture.Server.Services.GetRequiredService<TeamWiki.Web.Accounts.Profiles>();
        var outsiderPerson = await fixture.Server.Services.GetRequiredService<TeamWiki.Web.Accounts.PeopleDirectory>().ByHandleAsync("outsider");
        Assert.Null(await profiles.SetPhotoAsync(outsiderPerson!.Id, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]));
        Assert.Equal(HttpStatusCode.OK, (await Member.GetAsync("/people/outsider/photo")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Guest.GetAsync("/people/outsider/photo")).StatusCode);
    }

    [Fact]
    public async Task AnAssigneeMustBeAllowedInTheSpaceAndTheRefusalDoesNotSayWhetherTheAccountExists()
    {
        async Task<HttpResponseMessage> Assign(HttpClient client, string space, string assignee) =>
            await client.PostAsJsonAsync($"/api/spaces/{space}/tasks", new { title = $"Voor {assignee}", assignee });

        Assert.Equal(HttpStatusCode.Created, (await Assign(Owner, "geheim", "member")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Assign(Owner, "geheim", "@guest")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Assign(Outsider, "handboek", "member")).StatusCode);

        var notMember = await Assign(Owner, "geheim", "outsider");
        var unknown = await Assign(Owner, "geheim", "niemand");
        var guestElsewhere = await Assign(Outsider, "handboek", "guest");
        Assert.Equal(HttpStatusCode.BadRequest, notMember.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, guestElsewhere.StatusCode);
        var detail = (await unknown.ReadJsonAsync()).Str("detail");
        Assert.Equal(detail.Replace("niemand", "outsider"), (await notMember.ReadJsonAsync()).Str("detail"));
        Assert.Equal(detail.Replace("niemand", "guest"), (await guestElsewhere.ReadJsonAsync()).Str("detail"));

        var task = await (await Owner.PostAsJsonAsync("/api/spaces/geheim/tasks", new { title = "Later toewijzen" })).ReadJsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await Owner.PatchAsJsonAsync($"/api/tasks/{task.Str("key")}", new { assignee = "outsider" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Owner.PatchAsJsonAsync($"/api/tasks/{task.Str("key")}", new { assignee = "member" })).StatusCode);
    }

    [Fact]
    public async Task SearchesByGuestsAreNoContentGaps()
    {
        Assert.Equal(0, (await (await Guest.GetAsync("/api/search?q=zzgastvraag")).ReadJsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(0, (await (await Outsider.GetAsync("/api/search?q=zzstafvraag")).ReadJsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await Guest.GetAsync("/search?q=zzgastpagina")).StatusCode);

        var gaps = (await (await fixture.Server.AdminClient().GetAsync("/api/insights")).ReadJsonAsync()).GetProperty("gaps").EnumerateArray().Select(g => g.Str("query")).ToList();

        Assert.Contains("zzstafvraag", gaps);
        Assert.DoesNotContain("zzgastvraag", gaps);
        Assert.DoesNotContain("zzgastpagina", gaps);
    }

    private async Task<string> PageHtmlAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync($"/api/pages/{path}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        return (await response.ReadJsonAsync()).Str("html");
    }

    private async Task<string> HeadAsync() => (await (await fixture.Server.AdminClient().GetAsync("/health")).ReadJsonAsync()).Str("head");

    private static string[] Handles(JsonElement people) => people.EnumerateArray().Select(p => p.Str("handle")).ToArray();

    private static string Title(string html) => TitleTag().Match(html).Groups[1].Value;

    /// <summary>
    /// The page's main content without Blazor's component markers: those carry the route parameters the
    /// reader typed, encrypted, so they differ between two addresses even when the page shows the same.
    /// </summary>
    private static string MainOf(string html) => BlazorMarker().Replace(MainTag().Match(html).Groups[1].Value, "");

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex TitleTag();

    [GeneratedRegex("<!--Blazor:.*?-->", RegexOptions.Singleline)]
    private static partial Regex BlazorMarker();

    [GeneratedRegex("<main[^>]*>(.*?)</main>", RegexOptions.Singleline)]
    private static partial Regex MainTag();
}
