using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Pages;

/// <summary>
/// The bell of a signed-in page is static HTML; <c>/notifications/live</c> sends it again over a WebSocket
/// when the person's notifications change, only to that person, and only to the wiki's own pages.
/// </summary>
public sealed class BellSocketTests(PageViewCacheTests.People people) : IClassFixture<PageViewCacheTests.People>
{
    [Fact]
    public async Task TheSocketSendsTheBellAtOnceAndAgainWhenSomeoneMentionsTheReader()
    {
        var anna = await people.SessionAsync("anna");
        using var socket = await ConnectAsync(anna, anna.Origin);

        var first = await ReceiveAsync(socket);
        Assert.Contains("id=\"bell-count\"", first);
        var unread = Count(first);

        await people.SaveAsync("handboek/bel-vermelding", "Een pagina met een vermelding.");
        (await people.Admin.PostAsJsonAsync("/api/comments?target=page:handboek/bel-vermelding", new { markdown = "Kijk hier eens naar, @anna." })).EnsureSuccessStatusCode();

        var rung = await Eventually.UntilAsync(() => ReceiveAsync(socket), html => Count(html) == unread + 1, "the bell with one more unread notification");
        Assert.Contains("bel-vermelding", rung, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Bert Kaart", rung);
    }

    [Fact]
    public async Task AnotherSiteCannotOpenTheSocketWithTheReadersCookie()
    {
        var anna = await people.SessionAsync("anna");
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => ConnectAsync(anna, "https://evil.example"));
        Assert.Contains("403", refused.Message);
    }

    [Fact]
    public async Task SomeoneNotSignedInCannotOpenTheSocket()
    {
        var stranger = new BrowserSession(people.Server.BaseAddress);
        // No upgrade (the sign-in challenge answers instead), so the client gives up on the handshake.
        await Assert.ThrowsAsync<WebSocketException>(() => ConnectAsync(stranger, stranger.Origin));
    }

    private async Task<ClientWebSocket> ConnectAsync(BrowserSession session, string origin)
    {
        var socket = new ClientWebSocket();
        socket.Options.Cookies = session.Cookies;
        socket.Options.SetRequestHeader("Origin", origin);
        var address = new UriBuilder(people.Server.BaseAddress) { Scheme = "ws", Path = "/notifications/live" }.Uri;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await socket.ConnectAsync(address, timeout.Token);
        return socket;
    }

    private static async Task<string> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
        while (!result.EndOfMessage);

        return text.ToString();
    }

    private static int Count(string bell) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(bell, "data-count=\"(\\d+)\"").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
}
