namespace TeamWiki.Web.Accounts;

/// <summary>Someone in the directory, as others see them.</summary>
public sealed record Person(
    string Id,
    string Name,
    string Handle,
    string Email,
    string? Team,
    string? JobTitle,
    IReadOnlyList<string> Topics,
    bool IsGuest,
    bool IsAdmin,
    bool IsActive,
    DateTimeOffset? PhotoUpdatedAt)
{
    /// <summary>The profile page.</summary>
    public string Url => "/people/" + Uri.EscapeDataString(Handle);

    /// <summary>The photo's address (changes when the photo does), or null.</summary>
    public string? PhotoUrl => PhotoUpdatedAt is { } at ? $"/people/{Uri.EscapeDataString(Handle)}/photo?v={at.UtcTicks}" : null;

    /// <summary>One or two letters for the avatar when there is no photo.</summary>
    public string Initials => string.Concat(Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(w => char.ToUpperInvariant(w[0])));
}
