using System.Net;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Security;

/// <summary>Two attempts per 4 seconds per address; forwarded headers as configured by the subclass.</summary>
public abstract class ShortWindowFactory : TeamWikiFactory
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(4);

    protected abstract bool TrustProxy { get; }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["TeamWiki:SignIn:MaxAttempts"] = "2",
        ["TeamWiki:SignIn:Window"] = Window.ToString(),
        ["TeamWiki:ForwardedHeaders:Enabled"] = TrustProxy ? "true" : "false",
    };
}

public sealed class ShortWindowBehindProxyFactory : ShortWindowFactory
{
    protected override bool TrustProxy => true;
}

public sealed class ShortWindowDirectFactory : ShortWindowFactory
{
    protected override bool TrustProxy => false;
}

public class SignInWindowTests(ShortWindowBehindProxyFactory behindProxy, ShortWindowDirectFactory direct)
    : IClassFixture<ShortWindowBehindProxyFactory>, IClassFixture<ShortWindowDirectFactory>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AThrottledAddressSignsInAgainOnceItsWindowHasPassed()
    {
        var session = new BrowserSession(behindProxy.BaseAddress, "203.0.113.99");
        await WrongUntilThrottledAsync(session);

        // Refused attempts do not use up the allowance: polling does not push the moment further away.
        var until = DateTime.UtcNow + Deadline;
        HttpResponseMessage response;
        while ((response = await session.PostSignInAsync(TeamWikiFactory.AdminEmail, TeamWikiFactory.AdminPassword)).StatusCode == HttpStatusCode.TooManyRequests)
        {
            Assert.True(DateTime.UtcNow < until, $"still throttled {Deadline.TotalSeconds} s after the limit, with a window of {ShortWindowFactory.Window.TotalSeconds} s");
            await Task.Delay(200);
        }

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.True(session.HasSignInCookie);
    }

    [Fact]
    public async Task WithoutATrustedProxyAForgedForwardedAddressDoesNotEscapeTheLimit()
    {
        var sessions = Enumerable.Range(1, 20).Select(i => new BrowserSession(direct.BaseAddress, "198.51.100." + i)).ToList();
        var until = DateTime.UtcNow + Deadline;
        foreach (var (session, i) in sessions.Select((s, i) => (s, i)))
        {
            var response = await session.PostSignInAsync(TeamWikiFactory.AdminEmail, "Fout-wachtwoord-" + i);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(DateTime.UtcNow < until, "no 429 before the deadline");
        }

        Assert.Fail("20 attempts with 20 forged addresses were all let through: the forged X-Forwarded-For was believed");
    }

    /// <summary>Wrong passwords until the server answers 429 (2 are allowed; a few more if the window refills meanwhile).</summary>
    private static async Task WrongUntilThrottledAsync(BrowserSession session)
    {
        var until = DateTime.UtcNow + Deadline;
        for (var i = 0; ; i++)
        {
            var response = await session.PostSignInAsync(TeamWikiFactory.AdminEmail, "Fout-wachtwoord-" + i);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta is { } wait && wait <= ShortWindowFactory.Window, $"Retry-After: {response.Headers.RetryAfter}");
                return;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(DateTime.UtcNow < until, "never throttled");
        }
    }
}
