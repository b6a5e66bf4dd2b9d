using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using netDumbster.smtp;
using TeamWiki.Web.Tests.Support;
using static TeamWiki.Web.Tests.Accounts.AccountsTestUsers;

namespace TeamWiki.Web.Tests.Accounts;

/// <summary>A server whose account e-mail (TeamWiki:Smtp) goes to a local SMTP sink.</summary>
public sealed class AccountMailFactory : TeamWikiFactory
{
    public SimpleSmtpServer Sink { get; } = Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["TeamWiki:Smtp:Host"] = "127.0.0.1",
        ["TeamWiki:Smtp:Port"] = Sink.Configuration.Port.ToString(),
        ["TeamWiki:Smtp:UseTls"] = "false",
        ["TeamWiki:Smtp:From"] = "wiki@team.example",
        ["TeamWiki:Smtp:PublicUrl"] = "https://wiki.team.example/",
    };

    /// <summary>The plain text of a mail, decoded (quoted-printable lines are wrapped and '=' escaped).</summary>
    public static string TextOf(SmtpMessage mail) =>
        MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Data))).TextBody ?? "";

    /// <summary>The mails to <paramref name="address"/> so far.</summary>
    public IReadOnlyList<SmtpMessage> MailsTo(string address) =>
        Sink.ReceivedEmail.Where(m => m.ToAddresses.Any(a => a.Address == address)).ToList();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Sink.Dispose();
    }
}

public sealed partial class PasswordResetTests(AccountMailFactory server) : IClassFixture<AccountMailFactory>
{
    [Fact]
    public async Task TheForgottenPasswordFormMailsAOneTimeLinkAndAnswersTheSameForAnUnknownAddress()
    {
        var (client, _, email) = await UserAsync(server, "vergeetachtig");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        var unknown = await RequestAsync("niemand-hier@example.org");
        var known = await RequestAsync(email);

        Assert.Equal(Normalised(unknown), Normalised(known));
        Assert.Contains("forgot-sent", known);
        var mail = await Eventually.UntilAsync(() => Task.FromResult(server.MailsTo(email)), m => m.Count > 0, "the reset mail");
        // The queue sends in order: the unknown address came first, so had it been mailed it would be here now.
        Assert.Empty(server.MailsTo("niemand-hier@example.org"));
        var link = LinkPattern().Match(AccountMailFactory.TextOf(Assert.Single(mail))).Value;
        Assert.StartsWith("https://wiki.team.example/account/reset?user=", link);

        var session = new BrowserSession(server.BaseAddress);
        var fields = await session.FormFieldsAsync(PathOf(link), "reset");
        fields["Input.Password"] = "Weer-bekend-42";
        var reset = await session.Client.SendAsync(session.SameOrigin(HttpMethod.Post, PathOf(link), new FormUrlEncodedContent(fields)));
        Assert.Contains("reset-done", await reset.Content.ReadAsStringAsync());
        Assert.True(await SignsInAsync(server, email, "Weer-bekend-42"));
        Assert.False(await SignsInAsync(server, email, Password));
        // Whoever knew the old password may have made a token with it: a reset ends those as well.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);

        // Used once: the link now says so, and submitting the form again sets nothing.
        Assert.Contains("reset-invalid", await session.Client.GetStringAsync(PathOf(link)));
        fields["Input.Password"] = "Nog-een-keer-43";
        var second = await session.Client.SendAsync(session.SameOrigin(HttpMethod.Post, PathOf(link), new FormUrlEncodedContent(fields)));
        Assert.DoesNotContain("reset-done", await second.Content.ReadAsStringAsync());
        Assert.False(await SignsInAsync(server, email, "Nog-een-keer-43"));
    }

    [Fact]
    public async Task AnAddressGetsAtMostOneResetMailPerInterval()
    {
        var (_, _, email) = await UserAsync(server, "herhaler");
        var (_, _, marker) = await UserAsync(server, "volgende");

        await RequestAsync(email);
        await RequestAsync(email);
        await RequestAsync(email);
        await RequestAsync(marker);

        await Eventually.UntilAsync(() => Task.FromResult(server.MailsTo(marker)), m => m.Count > 0, "the mail to the address asked for last");
        Assert.Single(server.MailsTo(email));
    }

    [Fact]
    public async Task AnInvitationIsEmailedWhenSmtpIsConfigured()
    {
        var made = await server.AdminClient().PostAsJsonAsync("/api/invitations", new { email = "gemaild@example.org", name = "Greet Gemaild" });

        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var answer = await made.ReadJsonAsync();
        Assert.True(answer.GetProperty("emailed").GetBoolean());
        Assert.StartsWith("https://wiki.team.example/account/invitation?token=", answer.Str("link"));
        var mail = await Eventually.UntilAsync(() => Task.FromResult(server.MailsTo("gemaild@example.org")), m => m.Count > 0, "the invitation mail");
        Assert.Contains(answer.Str("link"), AccountMailFactory.TextOf(Assert.Single(mail)));
    }

    /// <summary>Posts the forgotten-password form for <paramref name="email"/>; the page it answers with.</summary>
    private async Task<string> RequestAsync(string email)
    {
        var session = new BrowserSession(server.BaseAddress);
        var fields = await session.FormFieldsAsync("/account/forgot", "forgot");
        fields["Input.Email"] = email;
        var response = await session.Client.SendAsync(session.SameOrigin(HttpMethod.Post, "/account/forgot", new FormUrlEncodedContent(fields)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The page without what differs per request anyway (antiforgery tokens, Blazor markers).</summary>
    private static string Normalised(string html) => HiddenPattern().Replace(CommentPattern().Replace(html, ""), "");

    [GeneratedRegex(@"https://wiki\.team\.example/account/reset\?\S+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex CommentPattern();

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*>""")]
    private static partial Regex HiddenPattern();
}
