using System.Net;
using System.Net.Http.Headers;
using System.Text;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Api;

/// <summary>The bad requests from the review, each answered with a clear 4xx and nothing written.</summary>
public class BadInputTests(TeamWikiFactory factory) : IClassFixture<TeamWikiFactory>
{
    private readonly HttpClient _api = factory.AdminClient();

    [Fact]
    public async Task ACultureSwitchWithAControlCharacterInTheReturnAddressGoesHome()
    {
        var response = await factory.AnonymousClient().GetAsync("/culture?c=en&r=/%09/x");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AMoveWithAPlainTextBodyIsRefusedAndMovesNothing()
    {
        var head = await HeadAsync();

        var response = await _api.PostAsync("/api/pages/handboek/onboarding/move",
            new StringContent("{\"to\":\"handboek/verhuisd\"}", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("JSON", (await response.ReadJsonAsync()).Str("detail"));
        Assert.Equal(head, await HeadAsync());
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("/api/pages/handboek/onboarding")).StatusCode);
    }

    [Theory]
    [InlineData("move", "{\"to\":")]
    [InlineData("move", "{\"to\":42}")]
    [InlineData("revert", "[1,2")]
    public async Task AMoveOrRevertWithMalformedJsonIsABadRequest(string command, string json)
    {
        var head = await HeadAsync();

        var response = await _api.PostAsync($"/api/pages/handboek/onboarding/{command}", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(head, await HeadAsync());
    }

    [Theory]
    [InlineData("multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n\r\nhallo\r\n--x--\r\n")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\0../../etc/passwd\"\r\n\r\nhallo\r\n--x--\r\n")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"files\"; filename=\"..\"\r\n\r\nhallo\r\n--x--\r\n")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: garbage\r\n\r\nhallo\r\n--x")]
    public async Task AnUploadWithAMalformedFormOrFileNameIsABadRequestAndStoresNothing(string contentType, string body)
    {
        var head = await HeadAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await _api.PostAsync("/api/spaces/handboek/documents", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(head, await HeadAsync());
    }

    private async Task<string> HeadAsync() => (await (await _api.GetAsync("/health")).ReadJsonAsync()).Str("head");
}
