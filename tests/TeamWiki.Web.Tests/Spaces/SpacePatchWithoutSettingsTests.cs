using System.Net;
using System.Text;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Spaces;

/// <summary>A PATCH of a space's settings that names no setting is refused and writes nothing.</summary>
public sealed class SpacePatchWithoutSettingsTests : IDisposable
{
    private readonly TeamWikiFactory _server = new();

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"x\":1,\"page\":2}")]
    public async Task APatchThatNamesNoSettingIsRefusedAndWritesNothing(string body)
    {
        var admin = _server.AdminClient();
        var before = (await (await admin.GetAsync("/health")).ReadJsonAsync()).Str("head");

        var response = await admin.PatchAsync("/api/spaces/handboek", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, (await (await admin.GetAsync("/health")).ReadJsonAsync()).Str("head"));
    }

    public void Dispose() => _server.Dispose();
}
