using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Data;

namespace TeamWiki.Web.Auth;

/// <summary>
/// Whether the installation has any account yet. Until it does, every page leads to the setup page
/// that creates the admin. Checked once at start, then kept in memory.
/// </summary>
public sealed class SetupState(IDbContextFactory<TeamWikiDbContext> contexts)
{
    private volatile bool _hasUsers;

    /// <summary>True once at least one account exists.</summary>
    public bool HasUsers => _hasUsers;

    /// <summary>Reads the state from the database.</summary>
    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        _hasUsers = await db.Users.AnyAsync(ct);
    }

    /// <summary>Called when an account was created.</summary>
    public void UserCreated() => _hasUsers = true;
}
