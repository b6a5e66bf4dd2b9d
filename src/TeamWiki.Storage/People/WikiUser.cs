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

    /// <summary>Team or department (profile).</summary>
    public string? Team { get; set; }

    /// <summary>Job title (profile).</summary>
    public string? JobTitle { get; set; }

    /// <summary>"Ask me about": topics, separated by commas (profile).</summary>
    public string? AskMeAbout { get; set; }

    /// <summary>When the profile photo was last changed, or null without photo.</summary>
    public DateTimeOffset? PhotoUpdatedAt { get; set; }

    /// <summary>Receive the daily e-mail digest of unread notifications (when the installation sends e-mail).</summary>
    public bool EmailDigest { get; set; } = true;

    /// <summary>When the last digest went out.</summary>
    public DateTimeOffset? LastDigestAt { get; set; }

    /// <summary>The "ask me about" topics as a list.</summary>
    public IReadOnlyList<string> Topics => (AskMeAbout ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True while the account may sign in.</summary>
    public bool IsActive => DisabledAt is null;
}
