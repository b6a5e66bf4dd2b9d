using System.Security.Claims;
using Microsoft.Extensions.Options;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Spaces;

namespace TeamWiki.Web.Auth;

/// <summary>
/// The one place that decides who may do what in a space; the UI, the API, search, link rendering and
/// file downloads all ask here.
/// <list type="bullet">
/// <item>Admins may do everything.</item>
/// <item>Internal spaces: every staff account reads and writes; owners also manage.</item>
/// <item>Private spaces: members only (owner, member); non-members do not see they exist.</item>
/// <item>A space whose <c>_space.yml</c> cannot be read is private to its owners and admins until it is
/// repaired (fail closed).</item>
/// <item>Guest accounts see only the spaces they were invited to, where they read and work on tasks.</item>
/// <item>Visitors who are not signed in read internal spaces when anonymous reading is on.</item>
/// <item>Archived spaces are read-only (owners and admins can still manage them, to unarchive).</item>
/// <item>A space that does not exist is, to everyone but admins, exactly like one they may not see:
/// otherwise the difference would tell them which hidden spaces exist.</item>
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
    public IReadOnlyCollection<string>? VisibleSpaces(ClaimsPrincipal user) => Readable(user).Keys;

    /// <summary>The spaces <paramref name="user"/> may read, as a set for link resolution and caches.</summary>
    public ReadableSpaces Readable(ClaimsPrincipal user) =>
        user.IsAdmin() ? ReadableSpaces.All : ReadableSpaces.Only(catalog.Current.Spaces.Where(s => For(user, s.Key).Read).Select(s => s.Key));

    /// <summary>True when <paramref name="user"/> may read <paramref name="spaceKey"/>.</summary>
    public bool CanRead(ClaimsPrincipal user, string spaceKey) => For(user, spaceKey).Read;

    /// <summary>
    /// True when <paramref name="user"/> may read a discussion stream: the team stream (<paramref name="space"/>
    /// null) is for staff, a space's stream for the space's readers.
    /// </summary>
    public bool CanReadStream(ClaimsPrincipal user, string? space) =>
        space is null ? user.Identity?.IsAuthenticated == true && !user.IsGuest() : catalog.Current.FindSpace(space) is not null && CanRead(user, space);

    /// <summary>
    /// The space when it exists and <paramref name="user"/> may read it, else null: pages answer "not
    /// found" for both without naming anything.
    /// </summary>
    public SpaceInfo? ReadableSpace(ClaimsPrincipal user, string? spaceKey) =>
        string.IsNullOrWhiteSpace(spaceKey) || catalog.Current.FindSpace(spaceKey.Trim().ToLowerInvariant()) is not { } space || !CanRead(user, space.Key)
            ? null
            : space;

    /// <summary>True for accounts that may create spaces: staff, not guests.</summary>
    public static bool CanCreateSpaces(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true && !user.IsGuest();

    private SpacePermissions Base(ClaimsPrincipal user, string spaceKey, SpaceInfo? space)
    {
        if (user.Identity?.IsAuthenticated == true && user.IsAdmin())
        {
            return Full with { Manage = space is not null, Role = Role(user, spaceKey) };
        }

        if (space is null)
        {
            return SpacePermissions.None;
        }

        if (user.Identity?.IsAuthenticated != true)
        {
            return options.CurrentValue.AllowAnonymousRead && space.Visibility != SpaceVisibility.Private ? SpacePermissions.ReadOnly : SpacePermissions.None;
        }

        var role = Role(user, spaceKey);
        if (space.SettingsProblem is not null)
        {
            // Unreadable settings: only those who can repair them get in.
            return role == SpaceRole.Owner && !user.IsGuest() ? Full with { Manage = true, Role = role } : SpacePermissions.None;
        }

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
            _ => space.Visibility == SpaceVisibility.Private ? SpacePermissions.None : Full,
        };
    }

    private SpaceRole? Role(ClaimsPrincipal user, string spaceKey) =>
        members.RolesOf(user.UserId()).TryGetValue(spaceKey, out var role) ? role : null;
}
