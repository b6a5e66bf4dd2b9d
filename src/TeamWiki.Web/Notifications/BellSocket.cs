using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Notifications;

/// <summary>
/// <c>/notifications/live</c>: a WebSocket over which a signed-in page receives its bell's HTML again
/// whenever the person's notifications change (js/bell.js swaps it in). It replaces a Blazor circuit per
/// open page: reading pages are static HTML, and this is the only live part they need. A WebSocket, not
/// server-sent events, because browsers allow only six HTTP/1.1 connections per site and an event stream
/// would hold one per open tab. The bell is sent once at the start too (anything that changed between the
/// page's render and the connection), and the socket is closed after <see cref="Lifetime"/> so a reconnect
/// checks the sign-in cookie again (a disabled account stops hearing about notifications).
/// </summary>
public static class BellSocket
{
    /// <summary>The path of the socket.</summary>
    public const string Path = "/notifications/live";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Maps the socket's endpoint (the pipeline must accept WebSockets).</summary>
    public static void MapBellSocket(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, async (HttpContext context, NotificationHub hub, BellFragments bells, IHostApplicationLifetime lifetime) =>
        {
            if (!context.WebSockets.IsWebSocketRequest || context.User.UserId() is not { } userId)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            // Ends with the connection, after the lifetime, and when the server stops (which would otherwise wait for it).
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            stop.CancelAfter(Lifetime);
            // One pending "changed" is enough: the bell sent next shows everything up to then.
            var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
            using var subscription = hub.Subscribe(userId, () => changed.Writer.TryWrite(true));
            changed.Writer.TryWrite(true);
            var closed = WaitForCloseAsync(socket, stop);
            try
            {
                while (await changed.Reader.WaitToReadAsync(stop.Token))
                {
                    changed.Reader.TryRead(out _);
                    var html = Encoding.UTF8.GetBytes(await bells.HtmlAsync(context.User));
                    await socket.SendAsync(html, WebSocketMessageType.Text, true, stop.Token);
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (WebSocketException)
            {
                // The connection broke; the state says so and nothing more is sent.
            }

            try
            {
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "renew", CancellationToken.None);
                }

                // The browser answers a close; one that does not is not waited for.
                await closed.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is WebSocketException or TimeoutException)
            {
                socket.Abort();
            }
        }).RequireAuthorization(WikiPolicies.Write);

    /// <summary>Reads (and ignores) until the browser closes the socket; then cancels the sending loop.</summary>
    private static async Task WaitForCloseAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[256];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The connection went away without a close: the same as a close.
        }
        finally
        {
            await stop.CancelAsync();
        }
    }
}
