using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Data;

namespace TeamWiki.Storage.Spaces;

/// <summary>
/// Memberships of spaces. Every request asks who may see what, so all memberships (a small table) are
/// kept in memory and reloaded after a change made through this class.
/// </summary>
public sealed class SpaceMembers(IDbContextFactory<TeamWikiDbContext> contexts)
{
    private volatile IReadOnlyDictionary<string, IReadOnlyDictionary<string, SpaceRole>>? _byUser;
    private readonly Lock _loading = new();

    /// <summary>The spaces a user is a member of, with the role; empty for nobody.</summary>
    public IReadOnlyDictionary<string, SpaceRole> RolesOf(string? userId)
    {
        if (userId is null)
        {
            return Empty;
        }

        return All().TryGetValue(userId, out var roles) ? roles : Empty;
    }

    /// <summary>The members of a space.</summary>
    public IReadOnlyList<(string UserId, SpaceRole Role)> Of(string spaceKey) =>
        All().SelectMany(u => u.Value.Where(r => r.Key == spaceKey).Select(r => (u.Key, r.Value))).ToList();

    /// <summary>Gives a user a role in a space (adds or changes the membership).</summary>
    public async Task SetAsync(string spaceKey, string userId, SpaceRole role, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var existing = await db.SpaceMembers.FindAsync([spaceKey, userId], ct);
        if (existing is null)
        {
            db.SpaceMembers.Add(new SpaceMember { SpaceKey = spaceKey, UserId = userId, Role = role });
        }
        else
        {
            existing.Role = role;
        }

        await db.SaveChangesAsync(ct);
        Invalidate();
    }

    /// <summary>Ends a membership; false when there was none.</summary>
    public async Task<bool> RemoveAsync(string spaceKey, string userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var existing = await db.SpaceMembers.FindAsync([spaceKey, userId], ct);
        if (existing is null)
        {
            return false;
        }

        db.SpaceMembers.Remove(existing);
        await db.SaveChangesAsync(ct);
        Invalidate();
        return true;
    }

    /// <summary>Forgets the cached memberships (after a change made elsewhere).</summary>
    public void Invalidate() => _byUser = null;

    private static readonly IReadOnlyDictionary<string, SpaceRole> Empty = new Dictionary<string, SpaceRole>();

    private IReadOnlyDictionary<string, IReadOnlyDictionary<string, SpaceRole>> All()
    {
        var cached = _byUser;
        if (cached is not null)
        {
            return cached;
        }

        lock (_loading)
        {
            if (_byUser is { } again)
            {
                return again;
            }

            using var db = contexts.CreateDbContext();
            var loaded = db.SpaceMembers.AsNoTracking().ToList()
                .GroupBy(m => m.UserId)
                .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, SpaceRole>)g.ToDictionary(m => m.SpaceKey, m => m.Role, StringComparer.Ordinal), StringComparer.Ordinal);
            _byUser = loaded;
            return loaded;
        }
    }
}
