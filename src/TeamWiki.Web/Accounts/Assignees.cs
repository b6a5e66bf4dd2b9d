using System.Security.Claims;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Spaces;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Accounts;

/// <summary>
/// Who may be given a task in a space: the one rule for the task form's list and the API's check.
/// <list type="bullet">
/// <item>The space's members, guests included (they work on the tasks of their space).</item>
/// <item>In an internal space also every active staff account: they may all work there.</item>
/// <item>Never a guest of another space, nor staff in a private space they are not a member of.</item>
/// <item>Someone assigning as a guest picks only from the space's members: those are the people a
/// guest may see, and a wider list would tell them which staff accounts exist.</item>
/// </list>
/// </summary>
public sealed class Assignees(SpaceMembers members, PeopleDirectory people, IContentCatalog catalog)
{
    /// <summary>The people <paramref name="assigner"/> may give a task in <paramref name="spaceKey"/>, by name.</summary>
    public async Task<IReadOnlyList<Person>> InAsync(ClaimsPrincipal assigner, string spaceKey)
    {
        if (catalog.Current.FindSpace(spaceKey) is not { } space)
        {
            return [];
        }

        var memberIds = members.Of(space.Key).Select(m => m.UserId).ToHashSet(StringComparer.Ordinal);
        var allStaff = space.Visibility == SpaceVisibility.Internal && space.SettingsProblem is null && !assigner.IsGuest();
        return (await people.AllAsync()).Where(p => p.IsActive && (memberIds.Contains(p.Id) || (allStaff && !p.IsGuest))).ToList();
    }

    /// <summary>
    /// The person <paramref name="who"/> (handle with or without @, e-mail address, or account id) names,
    /// when they may be given a task there; null both for an unknown account and for one that may not,
    /// so the answer says nothing about which accounts exist.
    /// </summary>
    public async Task<Person?> FindAsync(ClaimsPrincipal assigner, string spaceKey, string who)
    {
        var key = who.Trim().TrimStart('@');
        return (await InAsync(assigner, spaceKey)).FirstOrDefault(p => string.Equals(p.Handle, key, StringComparison.OrdinalIgnoreCase)
            || string.Equals(p.Email, key, StringComparison.OrdinalIgnoreCase) || p.Id == key);
    }
}
