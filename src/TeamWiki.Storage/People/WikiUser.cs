using Microsoft.AspNetCore.Identity;

namespace TeamWiki.Storage.People;

/// <summary>An account. Identity keeps the e-mail, password hash and security stamp.</summary>
public sealed class WikiUser : IdentityUser
{
    /// <summary>The name shown in the wiki and written into commits.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Unique short name for @mentions; by default the part of the e-mail before the @.</summary>
    public string Handle { get; set; } = "";

    /// <summary>When the account was created.</summary>
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>Set when an admin disabled the account: it can no longer sign in or use tokens.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>
    /// A guest (a customer, a partner): sees only the spaces they were invited to, never the rest of the
    /// wiki, its people or its search results.
    /// </summary>
    public bool IsGuest { get; set; }

    /// <summary>True while the account may sign in.</summary>
    public bool IsActive => DisabledAt is null;
}
