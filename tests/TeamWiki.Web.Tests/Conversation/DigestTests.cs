using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using TeamWiki.Web.Notifications;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Conversation;

/// <summary>A server whose e-mail goes to a local SMTP sink.</summary>
public sealed class MailingFactory : TeamWikiFactory
{
    public MailingFactory()
    {
        Sink = Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();
        Port = Sink.Configuration.Port;
    }

    public int Port { get; }

    public SimpleSmtpServer Sink { get; }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["TeamWiki:Email:Host"] = "127.0.0.1",
        ["TeamWiki:Email:Port"] = Port.ToString(),
        ["TeamWiki:Email:Security"] = "none",
        ["TeamWiki:Email:From"] = "wiki@team.example",
        ["TeamWiki:Email:PublicUrl"] = "https://wiki.team.example",
        // Far in the future: the background loop never sends by itself during the test.
        ["TeamWiki:Email:DigestHour"] = "24",
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Sink.Dispose();
    }
}

public sealed class DigestTests
{
    [Fact]
    public async Task Unread_notifications_go_out_as_one_daily_digest_not_one_mail_per_event()
    {
        using var server = new MailingFactory();
        var (alice, _) = await UserAsync(server, "alice");
        var (bob, _) = await UserAsync(server, "bob");
        for (var i = 1; i <= 3; i++)
        {
            (await alice.PostAsJsonAsync("/api/comments?target=page:handboek/declaraties", new { markdown = $"@bob vraag {i}" })).EnsureSuccessStatusCode();
        }

        var digests = server.Services.GetRequiredService<DigestSender>();
        Assert.Equal(1, await digests.SendDigestsAsync());

        var mail = Assert.Single(server.Sink.ReceivedEmail);
        Assert.Equal("bob@example.org", mail.ToAddresses.Single().Address);
        Assert.Contains("3 ongelezen meldingen", mail.Headers["Subject"]);
        var body = string.Join("\n", mail.MessageParts.Select(p => p.BodyData));
        Assert.Contains("vraag 1", body);
        Assert.Contains("vraag 3", body);
        Assert.Contains("https://wiki.team.example/notifications/", body);

        // More events the same day: no second mail until a day has passed.
        (await alice.PostAsJsonAsync("/api/comments?target=page:handboek/declaraties", new { markdown = "@bob nog een" })).EnsureSuccessStatusCode();
        Assert.Equal(0, await digests.SendDigestsAsync());
        Assert.Single(server.Sink.ReceivedEmail);
        Assert.Equal(4, (await (await bob.GetAsync("/api/notifications")).ReadJsonAsync()).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task Without_smtp_settings_no_mail_is_sent()
    {
        using var server = new TeamWikiFactory();
        var (alice, _) = await UserAsync(server, "alice");
        await UserAsync(server, "bob");
        (await alice.PostAsJsonAsync("/api/comments?target=page:handboek/declaraties", new { markdown = "@bob hallo" })).EnsureSuccessStatusCode();

        Assert.Equal(0, await server.Services.GetRequiredService<DigestSender>().SendDigestsAsync());
    }

    private static async Task<(HttpClient Client, string Id)> UserAsync(TeamWikiFactory server, string name)
    {
        var admin = server.AdminClient();
        var created = await (await admin.PostAsJsonAsync("/api/users", new { email = $"{name}@example.org", name, password = "Wachtwoord-123" })).ReadJsonAsync();
        var token = await (await admin.PostAsJsonAsync($"/api/users/{created.Str("id")}/tokens", new { name = "test" })).ReadJsonAsync();
        return (server.ClientWithToken(token.Str("token")), created.Str("id"));
    }
}
