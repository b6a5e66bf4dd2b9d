namespace TeamWiki.Storage.Spaces;

/// <summary>A person's role in a space.</summary>
public enum SpaceRole
{
    /// <summary>Reads the space and works on its tasks; sees nothing outside the spaces they are in.</summary>
    Guest = 1,

    /// <summary>Reads and writes everything in the space.</summary>
    Member = 2,

    /// <summary>A member who also manages the space: settings, members, archiving.</summary>
    Owner = 3,
}

/// <summary>Membership of a space, stored in the database (access control belongs with the accounts).</summary>
public sealed class SpaceMember
{
    /// <summary>The space key.</summary>
    public string SpaceKey { get; set; } = "";

    /// <summary>The user's id.</summary>
    public string UserId { get; set; } = "";

    /// <summary>The role.</summary>
    public SpaceRole Role { get; set; }

    /// <summary>When the membership was made.</summary>
    public DateTimeOffset AddedAt { get; set; } = DateTimeOffset.UtcNow;
}
