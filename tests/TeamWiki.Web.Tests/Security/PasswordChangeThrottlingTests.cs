using System.Net;
using System.Net.Http.Json;
using TeamWiki.Web.Tests.Support;
using static TeamWiki.Web.Tests.Accounts.AccountsTestUsers;

namespace TeamWiki.Web.Tests.Security;

/// <summary>
/// The profile page's password form checks a password as the sign-in form and <c>POST /api/me/password</c>
/// do, and counts against the same per-address limit (3 per minute here).
/// </summary>
public sealed class PasswordChangeThrottlingTests(ThrottledSignInFactory factory) : IClassFixture<ThrottledSignInFactory>
{
    [Fact]
    public async Task AfterTheAllowedAttemptsTheProfileFormAnswers429AndChangesNothing()
    {
        var (_, _, email) = await UserAsync(factory, "profielgokker");
        // Signing in is the first attempt from this address; two wrong guesses on the profile use up the rest.
        var session = await new BrowserSession(factory.BaseAddress, "203.0.113.60").SignInAsync(email, Password);
        for (var i = 0; i < ThrottledSignInFactory.MaxAttempts - 1; i++)
        {
            var wrong = await PostProfileFormAsync(session, "Fout-wachtwoord-" + i, "Gekaapt-wachtwoord-1");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("password-errors", await wrong.Content.ReadAsStringAsync());
        }

        var over = await PostProfileFormAsync(session, Password, "Gekaapt-wachtwoord-1");

        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.True(over.Headers.RetryAfter?.Delta is { } wait && wait > TimeSpan.Zero && wait <= TimeSpan.FromMinutes(1), $"Retry-After: {over.Headers.RetryAfter}");
        var html = await over.Content.ReadAsStringAsync();
        Assert.Contains("Te veel wachtwoordpogingen", html);
        Assert.DoesNotContain("password-changed", html);
        await new BrowserSession(factory.BaseAddress, "192.0.2.61").SignInAsync(email, Password);
    }

    [Fact]
    public async Task AttemptsThroughTheApiAndTheProfileFormShareOneLimit()
    {
        var (_, _, email) = await UserAsync(factory, "gedeeldegok");
        var session = await new BrowserSession(factory.BaseAddress, "203.0.113.62").SignInAsync(email, Password);
        for (var i = 0; i < ThrottledSignInFactory.MaxAttempts - 1; i++)
        {
            var wrong = await session.SendAsync(session.SameOrigin(HttpMethod.Post, "/api/me/password",
                JsonContent.Create(new { current = "Fout-wachtwoord-" + i, @new = "Gekaapt-wachtwoord-1" })));
            Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        }

        var over = await PostProfileFormAsync(session, Password, "Gekaapt-wachtwoord-1");

        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        var api = await session.SendAsync(session.SameOrigin(HttpMethod.Post, "/api/me/password",
            JsonContent.Create(new { current = Password, @new = "Gekaapt-wachtwoord-1" })));
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(api.Headers.RetryAfter);
        await new BrowserSession(factory.BaseAddress, "192.0.2.63").SignInAsync(email, Password);
    }

    private static async Task<HttpResponseMessage> PostProfileFormAsync(BrowserSession session, string current, string replacement)
    {
        var fields = await session.FormFieldsAsync("/account/profile", "change-password");
        fields["Password.Current"] = current;
        fields["Password.New"] = replacement;
        return await session.SendAsync(session.SameOrigin(HttpMethod.Post, "/account/profile", new FormUrlEncodedContent(fields)));
    }
}
