using System.Collections.Concurrent;
using System.Security.Claims;
using TeamWiki.Storage.People;

namespace TeamWiki.Web.Auth;

/// <summary>
/// The claims of an API token's account, built once per version of the account instead of on every
/// request: Identity's principal factory asks the database for the account's claims, its roles and each
/// role's claims, which was a third of an API save. A version is the account's security stamp with its
/// concurrency stamp, which Identity renews on every change made through the user manager (roles,
/// claims, password, disabling); and an entry is built again after <see cref="MaxAge"/>, the interval at
/// which a browser's sign-in is checked against the database. The token itself is still looked up on
/// every request, so a revoked token or a disabled account is refused at once.
/// </summary>
public sealed class TokenPrincipalCache(TimeProvider clock)
{
    /// <summary>How long a principal is used at most before it is built again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (string Version, DateTimeOffset Built, ClaimsPrincipal Principal)> _entries = new(StringComparer.Ordinal);

    /// <summary>The principal of <paramref name="user"/> (a copy the caller may change), built with <paramref name="build"/> when needed.</summary>
    public async Task<ClaimsPrincipal> GetAsync(WikiUser user, Func<WikiUser, Task<ClaimsPrincipal>> build)
    {
        var version = user.SecurityStamp + "|" + user.ConcurrencyStamp;
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(user.Id, out var known) && known.Version == version && now - known.Built < MaxAge)
        {
            return known.Principal.Clone();
        }

        var principal = await build(user);
        _entries[user.Id] = (version, now, principal);
        return principal.Clone();
    }
}
