using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Security;

public partial class SignInTests(ThrottledSignInFactory factory) : IClassFixture<ThrottledSignInFactory>
{
    private BrowserSession From(string address) => new(factory.BaseAddress, address);

    [Fact]
    public async Task UnknownDisabledAndKnownAccountsGetTheSameAnswerAfterTheSamePasswordCheck()
    {
        var created = await factory.AdminClient().PostAsJsonAsync("/api/users", new { email = "dora@example.org", name = "Dora Dicht", password = "Dora-wachtwoord-1" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dora = (await created.ReadJsonAsync()).Str("id");
        Assert.True((await factory.AdminClient().PostAsync($"/api/users/{dora}/disable", null)).IsSuccessStatusCode);

        var attempts = new (string Who, string Email, string Password)[]
        {
            ("unknown account", "niemand@example.org", "Raad-maar-1"),
            ("admin, wrong password", TeamWikiFactory.AdminEmail, "Raad-maar-1"),
            ("disabled account, wrong password", "dora@example.org", "Raad-maar-1"),
            ("disabled account, right password", "dora@example.org", "Dora-wachtwoord-1"),
        };
        var answers = new List<(string Who, HttpStatusCode Status, string Body)>();
        foreach (var (who, email, password) in attempts)
        {
            var session = From("198.51.100." + answers.Count);
            var before = factory.Hasher.Verifications;
            var response = await session.PostSignInAsync(email, password);

            Assert.True(factory.Hasher.Verifications == before + 1, $"{who}: {factory.Hasher.Verifications - before} password checks");
            Assert.False(session.HasSignInCookie, who);
            answers.Add((who, response.StatusCode, Normalised(await response.Content.ReadAsStringAsync(), email)));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Contains("E-mailadres of wachtwoord is niet juist.", answers[0].Body);
        Assert.All(answers, a => Assert.True(a.Body == answers[0].Body, $"{a.Who} answered differently from {answers[0].Who}: {Difference(a.Body, answers[0].Body)}"));
    }

    [Fact]
    public async Task AfterTheAllowedAttemptsFromOneAddressTheNextIs429ButTheAdminStillSignsInFromAnother()
    {
        // Twelve wrong guesses at the admin's password, from four addresses: more than an account
        // lockout would have allowed.
        foreach (var address in new[] { "203.0.113.10", "203.0.113.11", "203.0.113.12", "203.0.113.13" })
        {
            var guesser = From(address);
            for (var i = 0; i < ThrottledSignInFactory.MaxAttempts; i++)
            {
                var wrong = await guesser.PostSignInAsync(TeamWikiFactory.AdminEmail, "Fout-wachtwoord-" + i);
                Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            }

            var over = await guesser.PostSignInAsync(TeamWikiFactory.AdminEmail, TeamWikiFactory.AdminPassword);
            Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
            var retryAfter = over.Headers.RetryAfter?.Delta;
            Assert.True(retryAfter is { } wait && wait > TimeSpan.Zero && wait <= TimeSpan.FromMinutes(1), $"Retry-After: {over.Headers.RetryAfter}");
            Assert.Contains("Te veel inlogpogingen", await over.Content.ReadAsStringAsync());
            Assert.False(guesser.HasSignInCookie);
        }

        var admin = await From("192.0.2.77").SignInAsync(TeamWikiFactory.AdminEmail, TeamWikiFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task AnotherSpellingOfTheSignInAddressCountsAgainstTheSameLimit()
    {
        var guesser = From("203.0.113.40");
        string[] spellings = ["/account/login", "/Account/Login/", "/account/login?returnUrl=%2F"];
        for (var i = 0; i < ThrottledSignInFactory.MaxAttempts; i++)
        {
            var wrong = await guesser.PostSignInAsync(TeamWikiFactory.AdminEmail, "Fout-wachtwoord-" + i, spellings[i % spellings.Length]);
            Assert.True(wrong.StatusCode == HttpStatusCode.OK, $"{spellings[i % spellings.Length]} gave {(int)wrong.StatusCode}");
            Assert.Contains("E-mailadres of wachtwoord is niet juist.", await wrong.Content.ReadAsStringAsync());
        }

        foreach (var spelling in spellings)
        {
            var over = await guesser.PostSignInAsync(TeamWikiFactory.AdminEmail, TeamWikiFactory.AdminPassword, spelling);
            Assert.True(over.StatusCode == HttpStatusCode.TooManyRequests, $"{spelling} gave {(int)over.StatusCode}");
        }
    }

    [Fact]
    public async Task ReadingTheSignInPageIsNeverThrottled()
    {
        var reader = From("203.0.113.50");
        for (var i = 0; i < ThrottledSignInFactory.MaxAttempts * 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.Client.SendAsync(reader.SameOrigin(HttpMethod.Get, "/account/login"))).StatusCode);
        }

        await reader.SignInAsync(TeamWikiFactory.AdminEmail, TeamWikiFactory.AdminPassword);
    }

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:ffff", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("::ffff:192.0.2.1", "192.0.2.1", true)]
    [InlineData("192.0.2.1", "192.0.2.2", false)]
    public void AttemptsCountPerIPv4AddressAndPerIPv6Network(string first, string second, bool together)
    {
        var a = SignInThrottling.ClientKey(IPAddress.Parse(first));
        var b = SignInThrottling.ClientKey(IPAddress.Parse(second));

        Assert.Equal(together, a == b);
    }

    private static string Difference(string a, string b)
    {
        var at = 0;
        while (at < a.Length && at < b.Length && a[at] == b[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 80);
        return $"«{a[from..Math.Min(a.Length, at + 80)]}» versus «{b[from..Math.Min(b.Length, at + 80)]}»";
    }

    /// <summary>
    /// The page without what differs by design: the e-mail typed back into the form, and what is encrypted
    /// afresh for every response (antiforgery token, Blazor's component descriptors and state).
    /// </summary>
    private static string Normalised(string html, string email) =>
        BlazorMarker().Replace(HiddenValue().Replace(html.Replace(WebUtility.HtmlEncode(email), "EMAIL", StringComparison.Ordinal), "value=\"\""), "<!--Blazor-->");

    [GeneratedRegex("<!--Blazor.*?-->", RegexOptions.Singleline)]
    private static partial Regex BlazorMarker();

    [GeneratedRegex("""(?<=type="hidden"[^>]*)value="[^"]*"|value="[^"]*"(?=[^>]*type="hidden")""")]
    private static partial Regex HiddenValue();
}
