using System.Security.Claims;
using TeamWiki.Storage.Git;

namespace TeamWiki.Web.Auth;

/// <summary>Claims TeamWiki adds to a signed-in user, and reading them back.</summary>
public static class WikiClaims
{
    /// <summary>The display name.</summary>
    public const string DisplayName = "teamwiki:name";

    /// <summary>The @handle.</summary>
    public const string Handle = "teamwiki:handle";

    /// <summary>Present (value "true") on guest accounts.</summary>
    public const string Guest = "teamwiki:guest";

    /// <summary>The role of administrators.</summary>
    public const string AdminRole = "admin";

    /// <summary>The user id, or null for an anonymous visitor.</summary>
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The display name (falls back to the user name).</summary>
    public static string Name(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "?";

    /// <summary>True for guest accounts (customers, partners).</summary>
    public static bool IsGuest(this ClaimsPrincipal user) => user.HasClaim(Guest, "true");

    /// <summary>True for administrators.</summary>
    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(AdminRole);

    /// <summary>The commit author for this user's changes.</summary>
    public static ContentAuthor ToAuthor(this ClaimsPrincipal user) =>
        new(user.Name(), user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "unknown@teamwiki");
}
