using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Data;

namespace TeamWiki.Storage.People;

/// <summary>
/// Stores invitations and finds them by their link's token. A pending invitation is one that was
/// neither accepted nor revoked (revoking deletes it) and has not expired.
/// </summary>
public sealed class Invitations(IDbContextFactory<TeamWikiDbContext> contexts)
{
    /// <summary>Longest token accepted when looking one up; longer input is not a token of ours.</summary>
    public const int MaxTokenLength = 100;

    /// <summary>Stores <paramref name="invitation"/> with a new random token and returns the token (never stored).</summary>
    public async Task<string> StoreAsync(Invitation invitation, CancellationToken ct = default)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        invitation.TokenHash = Hash(token);
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>The pending invitation whose link holds <paramref name="token"/>, or null.</summary>
    public async Task<Invitation?> FindPendingAsync(string? token, DateTimeOffset now, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        var hash = Hash(token);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var found = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash && i.AcceptedAt == null, ct);
        return found is not null && found.ExpiresAt > now ? found : null;
    }

    /// <summary>An invitation by id (pending or not), or null.</summary>
    public async Task<Invitation?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
    }

    /// <summary>Every pending invitation, newest first.</summary>
    public async Task<IReadOnlyList<Invitation>> ListPendingAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var pending = await db.Invitations.AsNoTracking().Where(i => i.AcceptedAt == null && i.ExpiresAt > now).ToListAsync(ct);
        return pending.OrderByDescending(i => i.CreatedAt).ToList();
    }

    /// <summary>How many pending invitations <paramref name="inviterId"/> has out.</summary>
    public async Task<int> CountPendingByAsync(string inviterId, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Invitations.CountAsync(i => i.InvitedById == inviterId && i.AcceptedAt == null && i.ExpiresAt > now, ct);
    }

    /// <summary>True when a pending invitation for <paramref name="email"/> exists (addresses compared case-insensitively).</summary>
    public async Task<bool> IsInvitedAsync(string email, DateTimeOffset now, CancellationToken ct = default)
    {
        var key = email.ToUpperInvariant();
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Invitations.AnyAsync(i => i.Email.ToUpper() == key && i.AcceptedAt == null && i.ExpiresAt > now, ct);
    }

    /// <summary>Revokes (deletes) a pending invitation; false when there is none with this id.</summary>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Invitations.Where(i => i.Id == id && i.AcceptedAt == null).ExecuteDeleteAsync(ct) > 0;
    }

    /// <summary>
    /// Marks the invitation accepted, in <paramref name="db"/>'s transaction, and returns true; false when it
    /// was accepted, revoked or expired meanwhile. Of two acceptances at once only one gets true: the
    /// update is conditional on the row still being pending.
    /// </summary>
    public static async Task<bool> ClaimAsync(TeamWikiDbContext db, Guid id, DateTimeOffset now, CancellationToken ct = default) =>
        await db.Invitations.Where(i => i.Id == id && i.AcceptedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now), ct) == 1;

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
