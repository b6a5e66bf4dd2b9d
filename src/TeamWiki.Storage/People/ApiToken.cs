namespace TeamWiki.Storage.People;

/// <summary>
/// A personal API token. Only a SHA-256 hash of the secret is stored; the secret is shown once, when
/// the token is created.
/// </summary>
public sealed class ApiToken
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The owner.</summary>
    public string UserId { get; set; } = "";

    /// <summary>The owner (navigation).</summary>
    public WikiUser? User { get; set; }

    /// <summary>What the owner called it ("backup script").</summary>
    public string Name { get; set; } = "";

    /// <summary>Hex SHA-256 of the secret.</summary>
    public string SecretHash { get; set; } = "";

    /// <summary>The first characters of the secret, to recognise it in a list.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>When it was last used (updated at most once a minute).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>Set when the owner revoked it.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
