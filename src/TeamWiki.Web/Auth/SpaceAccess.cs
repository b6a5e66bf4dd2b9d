using System.Security.Claims;
using Microsoft.Extensions.Options;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Spaces;

namespace TeamWiki.Web.Auth;

/// <summary>
/// The one place that decides who may do what in a space; the UI, the API, search and file downloads
/// all ask here.
/// <list type="bullet">
/// <item>Admins may do everything.</item>
/// <item>Internal spaces: every staff account reads and writes; owners also manage.</item>
/// <item>Private spaces: members only (owner, member); non-members do not see they exist.</item>
/// <item>Guest accounts see only the spaces they were invited to, where they read and work on tasks.</item>
/// <item>Visitors who are not signed in read internal spaces when anonymous reading is on.</item>
/// <item>Archived spaces are read-only (owners and admins can still manage them, to unarchive).</item>
/// </list>
/// </summary>
public sealed class SpaceAccess(SpaceMembers members, IContentCatalog catalog, IOptionsMonitor<TeamWikiOptions> options)
{
    private static readonly SpacePermissions Full = new(true, true, true, true, false, null);
    private static readonly SpacePermissions GuestRights = new(true, false, true, false, false, SpaceRole.Guest);

    /// <summary>What <paramref name="user"/> may do in the space <paramref name="spaceKey"/>.</summary>
    public SpacePermissions For(ClaimsPrincipal user, string spaceKey)
    {
        var space = catalog.Current.FindSpace(spaceKey);
        var permissions = Base(user, spaceKey, space);
        return space is { Archived: true }
            ? permissions with { WritePages = false, WriteTasks = false, WriteDocuments = false }
            : permissions;
    }

    /// <summary>The spaces <paramref name="user"/> may read; null means every space (admins).</summary>
    public IReadOnlyCollection<string>? VisibleSpaces(ClaimsPrincipal user) =>
        user.IsAdmin() ? null : catalog.Current.Spaces.Where(s => For(user, s.Key).Read).Select(s => s.Key).ToList();

    /// <summary>True when <paramref name="user"/> may read <paramref name="spaceKey"/>.</summary>
    public bool CanRead(ClaimsPrincipal user, string spaceKey) => For(user, spaceKey).Read;

    /// <summary>True for accounts that may create spaces: staff, not guests.</summary>
    public static bool CanCreateSpaces(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true && !user.IsGuest();

    private SpacePermissions Base(ClaimsPrincipal user, string spaceKey, SpaceInfo? space)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return options.CurrentValue.AllowAnonymousRead && space is not { Visibility: SpaceVisibility.Private } ? SpacePermissions.ReadOnly : SpacePermissions.None;
        }

        if (user.IsAdmin())
        {
            return Full with { Manage = space is not null, Role = Role(user, spaceKey) };
        }

        var role = Role(user, spaceKey);
        if (user.IsGuest())
        {
            // A guest account is a guest wherever it is invited, whatever role it was given.
            return role is null ? SpacePermissions.None : GuestRights;
        }

        return role switch
        {
            SpaceRole.Owner => Full with { Manage = true, Role = role },
            SpaceRole.Member => Full with { Role = role },
            SpaceRole.Guest => GuestRights,
            // Not a member: internal spaces (and a folder nobody described yet) are open to staff.
            _ => space is { Visibility: SpaceVisibility.Private } ? SpacePermissions.None : Full,
        };
    }

    private SpaceRole? Role(ClaimsPrincipal user, string spaceKey) =>
        members.RolesOf(user.UserId()).TryGetValue(spaceKey, out var role) ? role : null;
}
