using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Security;

public class CrossSiteRequestTests(TeamWikiFactory factory) : IClassFixture<TeamWikiFactory>
{
    private const string Evil = "https://evil.example";

    private Task<BrowserSession> AdminSessionAsync() =>
        new BrowserSession(factory.BaseAddress).SignInAsync(TeamWikiFactory.AdminEmail, TeamWikiFactory.AdminPassword);

    /// <summary>Ways another site's page can make the browser send the person's cookie.</summary>
    public static TheoryData<string, string?, string?> ForeignRequests => new()
    {
        { "cross-site fetch or form", Evil, "cross-site" },
        { "a sibling sub-domain", "https://other.localhost", "same-site" },
        { "a browser without Sec-Fetch-Site", Evil, null },
        { "a sandboxed frame", "null", null },
        { "no origin information at all", null, null },
    };

    [Theory]
    [MemberData(nameof(ForeignRequests))]
    public async Task ACookieSessionsWriteFromAnotherSiteIsRefusedAndNothingIsWritten(string from, string? origin, string? fetchSite)
    {
        var session = await AdminSessionAsync();
        var path = "handboek/csrf-" + Guid.NewGuid().ToString("n")[..8];
        var space = "csrf" + Guid.NewGuid().ToString("n")[..8];

        var writes = new[]
        {
            Foreign(HttpMethod.Put, "/api/pages/" + path, JsonContent.Create(new { markdown = "Geplant door een andere site." }), origin, fetchSite),
            Foreign(HttpMethod.Post, "/api/spaces", JsonContent.Create(new { key = space, name = "Geplant", taskPrefix = "GP" }), origin, fetchSite),
            Foreign(HttpMethod.Delete, "/api/pages/handboek/welkom", null, origin, fetchSite),
            Foreign(HttpMethod.Post, "/api/spaces/handboek/documents", Upload("geplant.pdf"), origin, fetchSite),
        };
        foreach (var write in writes)
        {
            var response = await session.SendAsync(write);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{from}: {write.Method} {write.RequestUri} gave {(int)response.StatusCode}");
        }

        var admin = factory.AdminClient();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/pages/" + path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/spaces/" + space)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/pages/handboek/welkom")).StatusCode);
        Assert.DoesNotContain("geplant.pdf", await admin.GetStringAsync("/api/spaces/handboek/documents"));
    }

    [Fact]
    public async Task TheSameSessionWritesFromTheWikisOwnPages()
    {
        var session = await AdminSessionAsync();
        var path = "handboek/eigen-" + Guid.NewGuid().ToString("n")[..8];

        // As Chromium sends it: Origin and Sec-Fetch-Site; and as an older browser: Origin only.
        var saved = await session.SendAsync(session.SameOrigin(HttpMethod.Put, "/api/pages/" + path, JsonContent.Create(new { markdown = "Van de wiki zelf." })));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var upload = new HttpRequestMessage(HttpMethod.Post, "/api/spaces/handboek/documents") { Content = Upload("eigen.pdf") };
        upload.Headers.Add("Origin", session.Origin);
        Assert.Equal(HttpStatusCode.Created, (await session.SendAsync(upload)).StatusCode);

        var admin = factory.AdminClient();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/pages/" + path)).StatusCode);
        Assert.Contains("eigen.pdf", await admin.GetStringAsync("/api/spaces/handboek/documents"));
    }

    [Fact]
    public async Task BearerTokenCallsAreNotJudgedByTheirOrigin()
    {
        var path = "handboek/token-" + Guid.NewGuid().ToString("n")[..8];
        var request = Foreign(HttpMethod.Put, "/api/pages/" + path, JsonContent.Create(new { markdown = "Met een token." }), Evil, "cross-site");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TeamWikiFactory.AdminToken);

        var response = await factory.AnonymousClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.AdminClient().GetAsync("/api/pages/" + path)).StatusCode);
    }

    [Fact]
    public async Task AGetToTheSignOutAddressDoesNotSignOut()
    {
        var session = await AdminSessionAsync();

        var response = await session.SendAsync(session.SameOrigin(HttpMethod.Get, "/account/logout"));

        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("teamwiki.auth", StringComparison.Ordinal));
        Assert.True(session.HasSignInCookie);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task SigningOutTakesAPostWithTheMenusAntiforgeryToken()
    {
        var session = await AdminSessionAsync();

        var withoutToken = await session.SendAsync(session.SameOrigin(HttpMethod.Post, "/account/logout", new FormUrlEncodedContent([])));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/api/me")).StatusCode);

        var fields = await session.FormFieldsAsync("/", "/account/logout");
        var fromElsewhere = await session.SendAsync(Foreign(HttpMethod.Post, "/account/logout", new FormUrlEncodedContent(fields), Evil, "cross-site"));
        Assert.Equal(HttpStatusCode.Forbidden, fromElsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/api/me")).StatusCode);

        var signedOut = await session.SendAsync(session.SameOrigin(HttpMethod.Post, "/account/logout", new FormUrlEncodedContent(fields)));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/account/login", signedOut.Headers.Location?.OriginalString);
        Assert.False(session.HasSignInCookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Client.GetAsync("/api/me")).StatusCode);
    }

    private static HttpRequestMessage Foreign(HttpMethod method, string url, HttpContent? content, string? origin, string? fetchSite)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        return request;
    }

    private static MultipartFormDataContent Upload(string name)
    {
        var file = new ByteArrayContent(OfficeFiles.Pdf("Een gewone offerte."));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "files", name } };
    }
}
