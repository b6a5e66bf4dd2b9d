using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TeamWiki.EndToEnd.Support;

/// <summary>The real app on Kestrel, bound to a free loopback port, on a temporary data folder.</summary>
public class WikiServer : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@example.org";
    public const string AdminPassword = "Admin-Passw0rd";
    public const string AdminToken = "tw_e2e_admin_token_0123456789abcdef";

    private readonly bool _bootstrap;

    public WikiServer() : this(bootstrap: true)
    {
    }

    protected WikiServer(bool bootstrap)
    {
        _bootstrap = bootstrap;
        DataDirectory = Path.Combine(Path.GetTempPath(), "teamwiki-e2e", Guid.NewGuid().ToString("n"));
        UseKestrel(0);
    }

    public string DataDirectory { get; }

    public string Url
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress.ToString().TrimEnd('/');
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("TeamWiki:DataDirectory", DataDirectory);
        // Every test signs in from the same loopback address, far more often than one person would.
        builder.UseSetting("TeamWiki:SignIn:MaxAttempts", "1000");
        if (_bootstrap)
        {
            builder.UseSetting("TeamWiki:Bootstrap:AdminEmail", AdminEmail);
            builder.UseSetting("TeamWiki:Bootstrap:AdminPassword", AdminPassword);
            builder.UseSetting("TeamWiki:Bootstrap:AdminName", "Anna Admin");
            builder.UseSetting("TeamWiki:Bootstrap:ApiToken", AdminToken);
        }
    }

    /// <summary>An API client with the admin's token, for arranging data quickly.</summary>
    public HttpClient Api()
    {
        var client = new HttpClient { BaseAddress = new Uri(Url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        return client;
    }

    /// <summary>Waits until <c>/health</c> reports the search index at the branch head; fails the test when it never gets there.</summary>
    public Task WaitUntilIndexedAsync() =>
        Eventually.UntilAsync(
            async () => await Api().GetFromJsonAsync<System.Text.Json.JsonElement>("/health"),
            health => health.GetProperty("head").GetString() == health.GetProperty("indexedCommit").GetString(),
            "the search index to reach the branch head");

    /// <summary>Creates a user through the API.</summary>
    public async Task CreateUserAsync(string email, string name, string password)
    {
        var response = await Api().PostAsJsonAsync("/api/users", new { email, name, password });
        response.EnsureSuccessStatusCode();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A first start: no accounts, nothing configured.</summary>
public sealed class FreshWikiServer() : WikiServer(bootstrap: false);
