using TeamWiki.Storage.Spaces;

namespace TeamWiki.Web.Auth;

/// <summary>What one person may do in one space.</summary>
/// <param name="Read">See its pages, tasks, documents and activity (and find them in search).</param>
/// <param name="WritePages">Create, edit, move and delete pages.</param>
/// <param name="WriteTasks">Create and change tasks.</param>
/// <param name="WriteDocuments">Upload and restore documents.</param>
/// <param name="Manage">Change settings and members, archive.</param>
/// <param name="Role">The person's role in the space, or null when not a member.</param>
public sealed record SpacePermissions(bool Read, bool WritePages, bool WriteTasks, bool WriteDocuments, bool Manage, SpaceRole? Role)
{
    /// <summary>Nothing at all.</summary>
    public static readonly SpacePermissions None = new(false, false, false, false, false, null);

    /// <summary>Reading only.</summary>
    public static readonly SpacePermissions ReadOnly = new(true, false, false, false, false, null);
}
