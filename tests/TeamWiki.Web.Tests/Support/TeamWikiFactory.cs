using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TeamWiki.Web.Tests.Support;

/// <summary>The real app on a temporary data folder, with an admin and an API token from configuration.</summary>
public class TeamWikiFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@example.org";
    public const string AdminPassword = "Admin-Passw0rd";
    public const string AdminToken = "tw_test_admin_token_0123456789abcdef";

    public TeamWikiFactory() : this(null)
    {
    }

    /// <summary>A server on <paramref name="dataDirectory"/> (a new temporary folder when null), kept after disposal when given.</summary>
    protected TeamWikiFactory(string? dataDirectory)
    {
        _ownsData = dataDirectory is null;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "teamwiki-web-tests", Guid.NewGuid().ToString("n"));
        // Real Kestrel on a free loopback port: bad input is judged by the server people use, not TestServer.
        UseKestrel(0);
    }

    /// <summary>The server's address.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    private readonly bool _ownsData;

    public string DataDirectory { get; }

    /// <summary>Extra settings, applied after the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual bool Bootstrap => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("TeamWiki:DataDirectory", DataDirectory);
        builder.UseSetting("TeamWiki:Storage:PollInterval", "00:00:00.200");
        // Tests sign in far more often than a person does; the throttling tests set their own limit.
        builder.UseSetting("TeamWiki:SignIn:MaxAttempts", "1000");
        if (Bootstrap)
        {
            builder.UseSetting("TeamWiki:Bootstrap:AdminEmail", AdminEmail);
            builder.UseSetting("TeamWiki:Bootstrap:AdminPassword", AdminPassword);
            builder.UseSetting("TeamWiki:Bootstrap:AdminName", "Anna Admin");
            builder.UseSetting("TeamWiki:Bootstrap:ApiToken", AdminToken);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client that sends the admin's token.</summary>
    public HttpClient AdminClient() => ClientWithToken(AdminToken);

    public HttpClient ClientWithToken(string token)
    {
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// A plain HTTP client for the Kestrel server. (With Kestrel, the factory's own clients follow
    /// redirects whatever their options say, and tests need to see the redirects.)
    /// </summary>
    public HttpClient AnonymousClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!_ownsData)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A server on a given data folder, which outlives it: for restarts on the same data.</summary>
public sealed class ExistingDataFactory(string dataDirectory) : TeamWikiFactory(dataDirectory);

public sealed class AnonymousReadFactory : TeamWikiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["TeamWiki:AllowAnonymousRead"] = "true" };
}

public sealed class SmallPagesFactory : TeamWikiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["TeamWiki:MaxPageBytes"] = "2000" };
}

public sealed class FreshInstallFactory : TeamWikiFactory
{
    protected override bool Bootstrap => false;
}

public sealed class SmallUploadsFactory : TeamWikiFactory
{
    public const long Limit = 10_000;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["TeamWiki:MaxUploadBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
