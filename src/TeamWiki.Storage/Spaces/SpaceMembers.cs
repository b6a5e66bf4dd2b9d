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
    private int _version;
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

    /// <summary>
    /// Gives a user a role in a space (adds or changes the membership); true when the membership is new.
    /// Every path that changes memberships comes here, so the rule that a space keeps an owner holds for all
    /// of them, also when two owners demote each other at the same moment.
    /// </summary>
    /// <exception cref="LastOwnerException">The user is the space's last owner and <paramref name="role"/> is not owner.</exception>
    public async Task<bool> SetAsync(string spaceKey, string userId, SpaceRole role, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginLockedAsync(LockName(spaceKey), ct);
        var existing = await db.SpaceMembers.FindAsync([spaceKey, userId], ct);
        if (existing?.Role == role)
        {
            return false;
        }

        if (existing is null)
        {
            db.SpaceMembers.Add(new SpaceMember { SpaceKey = spaceKey, UserId = userId, Role = role });
        }
        else
        {
            await EnsureNotLastOwnerAsync(db, existing, role, ct);
            existing.Role = role;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Invalidate();
        return existing is null;
    }

    /// <summary>Ends a membership; false when there was none.</summary>
    /// <exception cref="LastOwnerException">The user is the space's last owner.</exception>
    public async Task<bool> RemoveAsync(string spaceKey, string userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginLockedAsync(LockName(spaceKey), ct);
        var existing = await db.SpaceMembers.FindAsync([spaceKey, userId], ct);
        if (existing is null)
        {
            return false;
        }

        await EnsureNotLastOwnerAsync(db, existing, null, ct);
        db.SpaceMembers.Remove(existing);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Invalidate();
        return true;
    }

    /// <summary>Forgets the cached memberships (after a change made elsewhere).</summary>
    public void Invalidate()
    {
        // A load that started before this change must not store what it read (see All).
        Interlocked.Increment(ref _version);
        _byUser = null;
    }

    /// <summary>One lock per space: changes to different spaces need not wait for each other (on PostgreSQL).</summary>
    private static string LockName(string spaceKey) => "space-members:" + spaceKey;

    /// <summary>Read inside the locked transaction, so the owners counted are the owners at the write.</summary>
    private static async Task EnsureNotLastOwnerAsync(TeamWikiDbContext db, SpaceMember member, SpaceRole? newRole, CancellationToken ct)
    {
        if (member.Role != SpaceRole.Owner || newRole == SpaceRole.Owner)
        {
            return;
        }

        var otherOwners = await db.SpaceMembers.CountAsync(m => m.SpaceKey == member.SpaceKey && m.Role == SpaceRole.Owner && m.UserId != member.UserId, ct);
        if (otherOwners == 0)
        {
            throw new LastOwnerException(member.SpaceKey, member.UserId);
        }
    }

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

            var version = Volatile.Read(ref _version);
            using var db = contexts.CreateDbContext();
            var loaded = db.SpaceMembers.AsNoTracking().ToList()
                .GroupBy(m => m.UserId)
                .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, SpaceRole>)g.ToDictionary(m => m.SpaceKey, m => m.Role, StringComparer.Ordinal), StringComparer.Ordinal);
            if (Volatile.Read(ref _version) == version)
            {
                _byUser = loaded;
            }

            return loaded;
        }
    }
}
