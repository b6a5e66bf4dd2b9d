using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamWiki.Storage.Data;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Data;

/// <summary>
/// <c>/setup</c> makes an administrator only while none exists, decided in the database when the form is
/// posted: ten people posting it at once make one administrator, and a setup after the bootstrap admin
/// makes none. Run on both providers below.
/// </summary>
public abstract partial class SetupOnceScenarios
{
    /// <summary>Ten setup forms posted at once make one administrator.</summary>
    protected static async Task ConcurrentSetupsAsync(TeamWikiFactory fresh)
    {
        Assert.Equal(0, await CountAsync(fresh, db => db.Users.CountAsync()));
        var form = await FormAsync(fresh, "/setup");

        var responses = await AtOnce.AtOnceAsync(10, i => PostSetupAsync(fresh, form, $"beheerder{i}@example.org"));

        var places = responses.Select(r => $"{(int)r.StatusCode} {Place(fresh, r)}").ToList();
        Assert.True(places.All(p => p.StartsWith("302 ", StringComparison.Ordinal)), string.Join(", ", places));
        Assert.Equal(1, places.Count(p => p == "302 /"));
        Assert.Equal(9, places.Count(p => p == "302 /account/login"));
        Assert.Equal(1, await CountAsync(fresh, db => db.Users.CountAsync()));
        Assert.Equal(1, await CountAsync(fresh, db => db.UserRoles.CountAsync()));
    }

    /// <summary>A setup posted after the bootstrap admin exists is refused and creates no account.</summary>
    protected static async Task SetupAfterBootstrapAsync(TeamWikiFactory bootstrapped)
    {
        var before = await CountAsync(bootstrapped, db => db.Users.CountAsync());
        var form = await FormAsync(bootstrapped, "/account/login");

        var response = await PostSetupAsync(bootstrapped, form, "indringer@example.org");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", Place(bootstrapped, response));
        Assert.Equal(before, await CountAsync(bootstrapped, db => db.Users.CountAsync()));
        Assert.Equal(0, await CountAsync(bootstrapped, db => db.Users.CountAsync(u => u.Email == "indringer@example.org")));
        Assert.Equal(1, await CountAsync(bootstrapped, db => db.UserRoles.CountAsync()));
    }

    /// <summary>Where a redirect leads, as a path (Blazor sends absolute addresses).</summary>
    private static string? Place(TeamWikiFactory server, HttpResponseMessage response) =>
        response.Headers.Location is { } location ? new Uri(server.BaseAddress, location).AbsolutePath : null;

    /// <summary>The antiforgery token of a page's form and its cookie (one pair serves any form of the site).</summary>
    private static async Task<(string Token, string Cookie)> FormAsync(TeamWikiFactory server, string page)
    {
        var response = await server.AnonymousClient().GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var token = TokenInput().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {page}");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)).Split(';')[0];
        return (WebUtility.HtmlDecode(token.Groups[1].Value), cookie);
    }

    private static Task<HttpResponseMessage> PostSetupAsync(TeamWikiFactory server, (string Token, string Cookie) form, string email)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/setup")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "setup",
                ["__RequestVerificationToken"] = form.Token,
                ["Input.Name"] = "Beheerder",
                ["Input.Email"] = email,
                ["Input.Password"] = "Wachtwoord-123",
            }),
        };
        request.Headers.Add("Cookie", form.Cookie);
        return server.AnonymousClient().SendAsync(request);
    }

    private static async Task<int> CountAsync(TeamWikiFactory server, Func<TeamWikiDbContext, Task<int>> count)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<TeamWikiDbContext>>().CreateDbContextAsync();
        return await count(db);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}

public sealed class SetupOnceOnSqliteTests(LazyServer<FreshInstallFactory> fresh, LazyServer<TeamWikiFactory> bootstrapped)
    : SetupOnceScenarios, IClassFixture<LazyServer<FreshInstallFactory>>, IClassFixture<LazyServer<TeamWikiFactory>>
{
    [Fact]
    public Task Ten_setup_forms_posted_at_once_make_one_administrator() => ConcurrentSetupsAsync(fresh.Server);

    [Fact]
    public Task A_setup_posted_after_the_bootstrap_admin_exists_is_refused() => SetupAfterBootstrapAsync(bootstrapped.Server);
}

public sealed class SetupOnceOnPostgreSqlTests(LazyServer<PostgreSqlFreshInstallFactory> fresh, LazyServer<PostgreSqlFactory> bootstrapped)
    : SetupOnceScenarios, IClassFixture<LazyServer<PostgreSqlFreshInstallFactory>>, IClassFixture<LazyServer<PostgreSqlFactory>>
{
    [PostgreSqlFact]
    public Task Ten_setup_forms_posted_at_once_make_one_administrator() => ConcurrentSetupsAsync(fresh.Server);

    [PostgreSqlFact]
    public Task A_setup_posted_after_the_bootstrap_admin_exists_is_refused() => SetupAfterBootstrapAsync(bootstrapped.Server);
}
