using System.Net;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Spaces;

/// <summary><c>TeamWiki:MaxUploadBytes</c> over HTTP: a document over it is 413, and nothing of the upload is stored.</summary>
public class UploadLimitTests(SmallUploadsFactory factory) : IClassFixture<SmallUploadsFactory>
{
    private readonly HttpClient _api = factory.AdminClient();

    [Fact]
    public async Task ADocumentOneByteOverTheLimitIs413AndNothingIsStored()
    {
        var before = await StateAsync();
        var form = new MultipartFormDataContent { { new ByteArrayContent(Text(SmallUploadsFactory.Limit + 1)), "files", "te-groot.txt" } };

        var response = await _api.PostAsync("/api/spaces/kennisbank/documents", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(SmallUploadsFactory.Limit, problem.GetProperty("limit").GetInt64());
        Assert.Equal(SmallUploadsFactory.Limit + 1, problem.GetProperty("size").GetInt64());
        Assert.Equal(before, await StateAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync("/api/documents/kennisbank~te-groot.txt")).StatusCode);
    }

    [Fact]
    public async Task ABatchWithOneFileOverTheLimitStoresNoneOfIt()
    {
        var before = await StateAsync();
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Text(100)), "files", "klein-genoeg.txt" },
            { new ByteArrayContent(Text(SmallUploadsFactory.Limit * 2)), "files", "veel-te-groot.txt" },
        };

        var response = await _api.PostAsync("/api/spaces/kennisbank/documents", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await StateAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync("/api/documents/kennisbank~klein-genoeg.txt")).StatusCode);
    }

    [Fact]
    public async Task ABodyFarOverTheLimitIsCutOffWith413AndNothingIsStored()
    {
        // Past the request size limit (the upload limit plus room for the form): the server refuses on the
        // declared length, before reading the body. The client asks first (Expect: 100-continue), so it sends
        // no body to a server that has already answered (writing into a closed connection would break the pipe).
        var before = await StateAsync();
        var form = new MultipartFormDataContent { { new ByteArrayContent(Text(3 * 1024 * 1024)), "files", "enorm.txt" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/spaces/kennisbank/documents") { Content = form };
        request.Headers.ExpectContinue = true;

        var response = await _api.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task ADocumentAtTheLimitIsStored()
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(Text(SmallUploadsFactory.Limit)), "files", "precies-goed.txt" } };

        var response = await _api.PostAsync("/api/spaces/kennisbank/documents", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var document = await (await _api.GetAsync("/api/documents/kennisbank~precies-goed.txt")).ReadJsonAsync();
        Assert.Equal(SmallUploadsFactory.Limit, document.GetProperty("size").GetInt64());
    }

    /// <summary>The branch head and the space's document list: both unchanged means nothing was stored.</summary>
    private async Task<string> StateAsync()
    {
        var head = (await (await _api.GetAsync("/health")).ReadJsonAsync()).Str("head");
        var list = await (await _api.GetAsync("/api/spaces/kennisbank/documents")).Content.ReadAsStringAsync();
        return head + "\n" + list;
    }

    private static byte[] Text(long length) => Enumerable.Range(0, (int)length).Select(i => (byte)('a' + i % 26)).ToArray();
}
