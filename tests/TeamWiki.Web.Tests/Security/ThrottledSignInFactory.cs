using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TeamWiki.Storage.People;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Security;

/// <summary>
/// A server that allows 3 sign-in attempts per client address per minute and believes
/// <c>X-Forwarded-For</c> from loopback, so one test can act from many addresses; it counts how often
/// a password is checked against a hash.
/// </summary>
public sealed class ThrottledSignInFactory : TeamWikiFactory
{
    public const int MaxAttempts = 3;

    public CountingPasswordHasher Hasher { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["TeamWiki:SignIn:MaxAttempts"] = MaxAttempts.ToString(),
        ["TeamWiki:SignIn:Window"] = "00:01:00",
        ["TeamWiki:ForwardedHeaders:Enabled"] = "true",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<WikiUser>>(_ => Hasher));
    }
}

/// <summary>The real hasher, counting verifications.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<WikiUser>
{
    private readonly PasswordHasher<WikiUser> _inner = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(WikiUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(WikiUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
