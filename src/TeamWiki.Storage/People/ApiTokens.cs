using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Data;

namespace TeamWiki.Storage.People;

/// <summary>Creates, checks and revokes personal API tokens.</summary>
public sealed class ApiTokens(IDbContextFactory<TeamWikiDbContext> contexts, ApiTokenCache cache)
{
    /// <summary>Every token starts with this, so secret scanners can recognise a leaked one.</summary>
    public const string SecretPrefix = "tw_";

    /// <summary>Creates a token for <paramref name="userId"/> and returns its secret (shown once).</summary>
    public async Task<(ApiToken Token, string Secret)> CreateAsync(string userId, string name, CancellationToken ct = default)
    {
        var secret = SecretPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        return (await StoreAsync(userId, name, secret, ct), secret);
    }

    /// <summary>Stores a token whose secret was chosen elsewhere (the bootstrap token from configuration).</summary>
    public async Task<ApiToken> StoreAsync(string userId, string name, string secret, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var token = new ApiToken
        {
            UserId = userId,
            Name = string.IsNullOrWhiteSpace(name) ? "token" : name.Trim()[..Math.Min(name.Trim().Length, 100)],
            SecretHash = Hash(secret),
            Prefix = secret[..Math.Min(secret.Length, 10)],
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>The active user a secret belongs to, or null (unknown, revoked, or the user is disabled).</summary>
    public async Task<WikiUser?> AuthenticateAsync(string secret, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 200)
        {
            return null;
        }

        var hash = Hash(secret);
        var now = DateTimeOffset.UtcNow;
        if (cache.Find(hash) is { } known && !IsDue(known.LastUsedAt, now))
        {
            return known.User;
        }

        // Read before the database, so that a change saved meanwhile makes what is read here not kept.
        var generation = cache.Generation;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.Include(t => t.User)
            .FirstOrDefaultAsync(t => t.SecretHash == hash && t.RevokedAt == null, ct);
        if (token?.User is not { IsActive: true } user)
        {
            return null;
        }

        if (IsDue(token.LastUsedAt, now))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }

        cache.Keep(hash, generation, user, token.LastUsedAt);
        return user;
    }

    /// <summary>True when a token with this secret was ever stored (revoked ones included).</summary>
    public async Task<bool> KnowsAsync(string secret, CancellationToken ct = default)
    {
        var hash = Hash(secret);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApiTokens.AnyAsync(t => t.SecretHash == hash, ct);
    }

    /// <summary>The tokens of a user, newest first.</summary>
    public async Task<IReadOnlyList<ApiToken>> ListAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var tokens = await db.ApiTokens.Where(t => t.UserId == userId).AsNoTracking().ToListAsync(ct);
        return tokens.OrderByDescending(t => t.CreatedAt).ToList();
    }

    /// <summary>Revokes a token of the user; false when there is no such token.</summary>
    public async Task<bool> RevokeAsync(string userId, Guid tokenId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null || token.RevokedAt is not null)
        {
            return false;
        }

        token.RevokedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Revokes every token of <paramref name="userId"/> that still works (after a password change or reset:
    /// a token made by someone who knew the old password must not outlive it); how many were revoked.
    /// Saved through the change tracker, not a bulk update, so the <see cref="ApiTokenCache"/> hears of it.
    /// </summary>
    public async Task<int> RevokeAllAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var tokens = await db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAt == null).ToListAsync(ct);
        var now = DateTimeOffset.UtcNow;
        foreach (var token in tokens)
        {
            token.RevokedAt = now;
        }

        await db.SaveChangesAsync(ct);
        return tokens.Count;
    }

    /// <summary>The last use is written at most once a minute.</summary>
    private static bool IsDue(DateTimeOffset? lastUsedAt, DateTimeOffset now) => lastUsedAt is null || now - lastUsedAt > TimeSpan.FromMinutes(1);

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
