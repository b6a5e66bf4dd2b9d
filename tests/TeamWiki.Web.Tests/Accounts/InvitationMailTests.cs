using System.Net;
using System.Net.Http.Json;
using netDumbster.smtp;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Accounts;

/// <summary>A server with SMTP for account mail but no <c>TeamWiki:Smtp:PublicUrl</c>.</summary>
public sealed class MailWithoutPublicUrlFactory : TeamWikiFactory
{
    public SimpleSmtpServer Sink { get; } = Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["TeamWiki:Smtp:Host"] = "127.0.0.1",
        ["TeamWiki:Smtp:Port"] = Sink.Configuration.Port.ToString(),
        ["TeamWiki:Smtp:UseTls"] = "false",
        ["TeamWiki:Smtp:From"] = "wiki@team.example",
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Sink.Dispose();
    }
}

/// <summary>Invitation links reach an inbox only with the wiki's configured address, never one taken from a request.</summary>
public sealed class InvitationMailTests(MailWithoutPublicUrlFactory server) : IClassFixture<MailWithoutPublicUrlFactory>
{
    [Fact]
    public async Task WithoutAPublicAddressTheInvitationIsShownToTheInviterAndNotMailed()
    {
        var client = server.AdminClient();
        client.DefaultRequestHeaders.Host = "phish.example";

        var made = await client.PostAsJsonAsync("/api/invitations", new { email = "niet-gemaild@example.org", name = "Nina" });

        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var answer = await made.ReadJsonAsync();
        Assert.False(answer.GetProperty("emailed").GetBoolean());
        Assert.Contains("/account/invitation?token=", answer.Str("link"));
    }
}
