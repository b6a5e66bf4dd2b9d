using System.Net;
using System.Net.Http.Json;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Spaces;

/// <summary>
/// A page written in the private space "geheim" and then moved into the internal handboek: its history
/// and the activity about the move show the private paths, commits and text only to readers of geheim.
/// </summary>
public class MoveAcrossSpacesTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private const string SecretText = "Het stille zeekoetplan";

    private HttpClient Owner => fixture.Clients["owner"];
    private HttpClient Member => fixture.Clients["member"];
    private HttpClient Outsider => fixture.Clients["outsider"];

    [Fact]
    public async Task HistoryAndActivityOfAMoveShowThePrivateSideOnlyToItsReaders()
    {
        (await Owner.PutPageAsync("geheim/verhuis", $"# Verhuis\n\n{SecretText}.\n")).EnsureSuccessStatusCode();
        var secretVersion = (await (await Owner.PutPageAsync("geheim/verhuis", $"# Verhuis\n\n{SecretText}, versie twee.\n")).ReadJsonAsync()).Str("revision");
        (await Owner.PostAsJsonAsync("/api/pages/geheim/verhuis/move", new { to = "handboek/verhuisd" })).EnsureSuccessStatusCode();
        (await Owner.PutPageAsync("handboek/verhuisd", "# Verhuisd\n\nNu openbaar.\n")).EnsureSuccessStatusCode();

        // Positive control: a member of geheim follows the history into the private space.
        var memberHistory = await (await Member.GetAsync("/api/pages/handboek/verhuisd/history")).ReadJsonAsync();
        Assert.Contains(memberHistory.EnumerateArray(), e => e.Str("path") == "geheim/verhuis");
        Assert.Contains(memberHistory.EnumerateArray(), e => e.Str("message") == "Move geheim/verhuis to handboek/verhuisd");

        var outsiderHistory = await (await Outsider.GetAsync("/api/pages/handboek/verhuisd/history")).ReadJsonAsync();
        Assert.Equal(2, outsiderHistory.GetArrayLength());
        Assert.All(outsiderHistory.EnumerateArray(), e => Assert.StartsWith("handboek/", e.Str("path")));
        Assert.DoesNotContain("geheim", outsiderHistory.GetRawText());
        Assert.Contains(outsiderHistory.EnumerateArray(), e => e.Str("message") == "Move to handboek/verhuisd");
        Assert.DoesNotContain(outsiderHistory.EnumerateArray(), e => e.Str("revision") == secretVersion);

        var page = await (await Outsider.GetAsync("/history/handboek/verhuisd")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("geheim", page);
        Assert.DoesNotContain(secretVersion[..7], page);
        Assert.Contains("geheim/verhuis", await (await Member.GetAsync("/history/handboek/verhuisd")).Content.ReadAsStringAsync());

        // The private versions cannot be compared or restored by way of the new address either.
        var memberDiff = await Member.GetAsync($"/api/pages/handboek/verhuisd/diff?from={secretVersion}");
        Assert.Equal(HttpStatusCode.OK, memberDiff.StatusCode);
        Assert.Contains(SecretText, await memberDiff.Content.ReadAsStringAsync());
        var head = await HeadAsync();
        foreach (var from in new[] { secretVersion, secretVersion[..10] })
        {
            var diff = await Outsider.GetAsync($"/api/pages/handboek/verhuisd/diff?from={from}");
            Assert.Equal(HttpStatusCode.NotFound, diff.StatusCode);
            Assert.DoesNotContain(SecretText, await diff.Content.ReadAsStringAsync());
            var diffPage = await Outsider.GetAsync($"/diff/handboek/verhuisd?from={from}");
            Assert.Equal(HttpStatusCode.NotFound, diffPage.StatusCode);
            Assert.DoesNotContain(SecretText, await diffPage.Content.ReadAsStringAsync());
            var revert = await Outsider.PostAsJsonAsync("/api/pages/handboek/verhuisd/revert", new { revision = from });
            Assert.Equal(HttpStatusCode.NotFound, revert.StatusCode);
        }

        Assert.Equal(head, await HeadAsync());
        Assert.DoesNotContain(SecretText, await (await Outsider.GetAsync("/api/pages/handboek/verhuisd")).Content.ReadAsStringAsync());

        // Activity is recorded from git a moment later: wait for the member to see the move line.
        await AccessFixture.Eventually(async () => (await ActivityAsync(Member)).Contains("Move geheim/verhuis to handboek/verhuisd"),
            "the move to show in a member's activity");
        var outsiderActivity = await ActivityAsync(Outsider);
        Assert.Contains("Move to handboek/verhuisd", outsiderActivity);
        Assert.DoesNotContain("geheim", outsiderActivity);

        var spaceHome = await (await Outsider.GetAsync("/wiki/handboek")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("geheim/verhuis", spaceHome);
        Assert.Contains("geheim/verhuis", await (await Member.GetAsync("/wiki/handboek")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MemberListsNeedSignInEvenWhenAnonymousReadingIsOn()
    {
        using var server = new AnonymousReadFactory();
        var anonymous = server.AnonymousClient();

        // Positive control: anonymous visitors do read the space itself.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/spaces/handboek")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.AdminClient().GetAsync("/api/spaces/handboek/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/spaces/handboek/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/spaces/handboek/members/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/people")).StatusCode);
    }

    private async Task<string> ActivityAsync(HttpClient client) =>
        await (await client.GetAsync("/api/activity?space=handboek&kind=page")).Content.ReadAsStringAsync();

    private async Task<string> HeadAsync() => (await (await fixture.Server.AdminClient().GetAsync("/health")).ReadJsonAsync()).Str("head");
}
