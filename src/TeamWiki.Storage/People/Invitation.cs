using TeamWiki.Storage.Spaces;

namespace TeamWiki.Storage.People;

/// <summary>
/// An invitation to make an account: the invitee opens a link and chooses their own password. Only a
/// SHA-256 hash of the link's token is stored; the link itself is shown (or e-mailed) once.
/// </summary>
public sealed class Invitation
{
    /// <summary>Identifier (also the id in <c>/api/invitations/{id}</c>).</summary>
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Hex SHA-256 of the link's token.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>The address the account will have.</summary>
    public string Email { get; set; } = "";

    /// <summary>The display name the inviter gave.</summary>
    public string Name { get; set; } = "";

    /// <summary>The space the invitee joins, or null for a staff account without a space.</summary>
    public string? SpaceKey { get; set; }

    /// <summary>The role in <see cref="SpaceKey"/>; <see cref="SpaceRole.Guest"/> makes a guest account.</summary>
    public SpaceRole? Role { get; set; }

    /// <summary>Who invited.</summary>
    public string InvitedById { get; set; } = "";

    /// <summary>When it was made.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>After this the link no longer works.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the invitee chose a password; the link works only while this is null.</summary>
    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>True when the account becomes a guest account.</summary>
    public bool MakesGuest => Role == SpaceRole.Guest;
}
