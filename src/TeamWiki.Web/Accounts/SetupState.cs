using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Data;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Accounts;

/// <summary>
/// Whether the installation is set up, that is: an administrator exists. Until then every page leads to
/// the setup page that creates one. The answer comes from the database (another process on the same
/// database may have made the administrator); only "set up" is remembered, because an installation never
/// goes back to not being set up. Creating the first administrator itself is decided under a lock in
/// <see cref="UserAccounts.CreateFirstAdminAsync"/>, never on this cached answer.
/// </summary>
public sealed class SetupState(IDbContextFactory<TeamWikiDbContext> contexts)
{
    private volatile bool _complete;

    /// <summary>True once an administrator exists; asks the database until it does.</summary>
    public async Task<bool> IsCompleteAsync(CancellationToken ct = default)
    {
        if (_complete)
        {
            return true;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        return _complete = await AdminExistsAsync(db, ct);
    }

    /// <summary>Called when an administrator was created.</summary>
    public void AdminCreated() => _complete = true;

    /// <summary>True when <paramref name="db"/> holds an account with the administrator role (read in the caller's transaction).</summary>
    public static Task<bool> AdminExistsAsync(TeamWikiDbContext db, CancellationToken ct = default) =>
        db.UserRoles.AnyAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == WikiClaims.AdminRole.ToUpperInvariant()), ct);
}
