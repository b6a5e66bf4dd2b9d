using System.Net;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Api;

public class PageSizeLimitTests(SmallPagesFactory factory) : IClassFixture<SmallPagesFactory>
{
    [Fact]
    public async Task APageOverTheConfiguredLimitGives413AndKeepsTheOldText()
    {
        var api = factory.AdminClient();
        await api.PutPageAsync("handboek/groot", "klein genoeg\n");

        var response = await api.PutPageAsync("handboek/groot", new string('x', 2001));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(2000, problem.GetProperty("limit").GetInt64());
        Assert.Equal("klein genoeg\n", (await (await api.GetAsync("/api/pages/handboek/groot")).ReadJsonAsync()).Str("markdown"));
    }
}
