using System.Net;
using System.Net.Http.Json;
using TeamWiki.Web.Hosting;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Security;

public class ContentSecurityPolicyTests(TeamWikiFactory factory) : IClassFixture<TeamWikiFactory>
{
    private const string FullPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    [Theory]
    [InlineData("/")]
    [InlineData("/wiki/handboek/welkom")]
    [InlineData("/edit/handboek/welkom")]
    [InlineData("/tasks/ATL-1")]
    [InlineData("/posts/{new}")]
    [InlineData("/search?q=welkom")]
    [InlineData("/spaces/project-atlas/board")]
    public async Task EveryPageCarriesTheWholePolicyInOneHeader(string url)
    {
        if (url.Contains("{new}"))
        {
            var created = await factory.AdminClient().PostAsJsonAsync("/api/spaces/handboek/posts", new { markdown = "# Beleid getest\n\nEen bericht om de kopregels te lezen." });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            url = url.Replace("{new}", (await created.ReadJsonAsync()).GetProperty("id").GetInt64().ToString());
        }

        var session = await new BrowserSession(factory.BaseAddress).SignInAsync(TeamWikiFactory.AdminEmail, TeamWikiFactory.AdminPassword);
        var response = await session.Client.SendAsync(session.SameOrigin(HttpMethod.Get, url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policies = response.Headers.GetValues("Content-Security-Policy").ToList();
        Assert.Equal([FullPolicy], policies);
        Assert.Contains("_framework/blazor.web", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FilesKeepTheirOwnSandboxedPolicy()
    {
        var response = await factory.AdminClient().GetAsync("/files/handboek/_media/onboarding-tijdlijn.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("sandbox", policy);
        Assert.DoesNotContain("script-src", policy);
    }

    [Fact]
    public void MergingBlazorsFramingRuleKeepsOurScriptSourcesAndTheStricterFraming()
    {
        var merged = SecurityHeaders.Policy.MergedWith(ContentSecurityPolicy.Parse("frame-ancestors 'self'"));

        Assert.Equal(FullPolicy, merged.ToString());
    }

    [Fact]
    public void DirectivesOnlyTheOtherPolicyHasAreAddedButOursAreNeverLoosened()
    {
        var ours = ContentSecurityPolicy.Parse("script-src 'self'; frame-ancestors 'self'");
        var merged = ours.MergedWith(ContentSecurityPolicy.Parse("SCRIPT-SRC * 'unsafe-inline';  sandbox ; upgrade-insecure-requests"));

        Assert.Equal("script-src 'self'; frame-ancestors 'self'; sandbox; upgrade-insecure-requests", merged.ToString());
    }

    [Theory]
    [InlineData("'none'", "'self'", "'none'")]
    [InlineData("'self'", "'none'", "'none'")]
    [InlineData("'self' https://a.example", "'self'", "'self'")]
    [InlineData("'self'", "'self' https://a.example", "'self'")]
    [InlineData("https://a.example", "https://b.example", "'none'")]
    public void FramingBecomesTheStricterOfTheTwo(string ours, string theirs, string expected)
    {
        var merged = ContentSecurityPolicy.Parse("frame-ancestors " + ours).MergedWith(ContentSecurityPolicy.Parse("frame-ancestors " + theirs));

        Assert.Equal(expected, merged["frame-ancestors"]);
    }

    [Fact]
    public void OnlyTheFirstOfARepeatedDirectiveCounts()
    {
        var policy = ContentSecurityPolicy.Parse("script-src 'self'; script-src *");

        Assert.Equal("script-src 'self'", policy.ToString());
    }
}
