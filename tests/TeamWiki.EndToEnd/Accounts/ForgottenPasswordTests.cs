using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using netDumbster.smtp;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Accounts;

/// <summary>A server that sends account e-mail to a local SMTP sink (no network).</summary>
public sealed class MailingWikiServer : WikiServer
{
    public const string PublicUrl = "http://wiki.test";

    public SimpleSmtpServer Sink { get; } = Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("TeamWiki:Smtp:Host", "127.0.0.1");
        builder.UseSetting("TeamWiki:Smtp:Port", Sink.Configuration.Port.ToString());
        builder.UseSetting("TeamWiki:Smtp:UseTls", "false");
        // The port is chosen when the server starts, after this; the test follows the link's path on it.
        builder.UseSetting("TeamWiki:Smtp:PublicUrl", PublicUrl);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Sink.Dispose();
    }
}

[Collection(BrowserCollection.Name)]
public partial class ForgottenPasswordTests(Browser browser, MailingWikiServer server) : IClassFixture<MailingWikiServer>
{
    [Fact]
    public async Task SomeoneWhoForgotTheirPasswordGetsALinkByMailAndChoosesANewOne()
    {
        await server.CreateUserAsync("hanna@example.org", "Hanna Kwijt", "Hanna-oud-wachtwoord-1");
        var hanna = await browser.NewPageAsync();
        await hanna.GotoAsync(server.Url + "/account/login");
        await hanna.ClickAsync("#forgot-link");
        await Shots.BothWidthsAsync(hanna, "forgot-form");
        await hanna.FillAsync("#forgot-email", "hanna@example.org");
        await hanna.ClickAsync("#forgot-submit");
        await Expect(hanna.Locator("#forgot-sent")).ToContainTextAsync("Als er een account met dit adres bestaat");
        await Shots.BothWidthsAsync(hanna, "forgot-sent");

        var mail = await Eventually.UntilAsync(() => Task.FromResult(server.Sink.ReceivedEmail.ToList()), m => m.Count > 0, "the reset mail");
        var text = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Single().Data))).TextBody ?? "";
        var link = ResetLink().Match(text).Value;
        Assert.StartsWith(MailingWikiServer.PublicUrl + "/account/reset?", link);

        await hanna.GotoAsync(server.Url + new Uri(link).PathAndQuery);
        await hanna.FillAsync("#reset-password", "Hanna-nieuw-wachtwoord-2");
        await hanna.ClickAsync("#reset-submit");
        await Expect(hanna.Locator("#reset-done")).ToBeVisibleAsync();
        await hanna.SignInAsync(server.Url, "hanna@example.org", "Hanna-nieuw-wachtwoord-2");
    }

    [GeneratedRegex(@"http://wiki\.test/account/reset\?\S+")]
    private static partial Regex ResetLink();
}
