using System.Net;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Hosting;

/// <summary>A missing page answers 404 and still shows a page (Blazor alone would send an empty body).</summary>
public class NotFoundPageTests(TeamWikiFactory factory) : IClassFixture<TeamWikiFactory>
{
    [Theory]
    [InlineData("/wiki/handboek/bestaat-niet", "Deze pagina bestaat (nog) niet.")]
    [InlineData("/wiki/geen-ruimte", "Op dit adres staat niets.")]
    [InlineData("/tasks/HB-9999", "Er is geen taak HB-9999.")]
    [InlineData("/documents/handboek~geen.pdf", "Dit document bestaat niet.")]
    public async Task AMissingItemIs404WithAPageThatSaysSo(string url, string text)
    {
        var response = await factory.AdminClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(WebUtility.HtmlEncode(text), html);
        Assert.Contains("class=\"topbar\"", html);
    }

    [Fact]
    public async Task AnExistingPageIs200()
    {
        var response = await factory.AdminClient().GetAsync("/wiki/handboek/welkom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
