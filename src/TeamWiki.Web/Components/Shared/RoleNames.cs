using Microsoft.Extensions.Localization;
using TeamWiki.Storage.Spaces;

namespace TeamWiki.Web.Components.Shared;

/// <summary>Role names in the UI language.</summary>
public static class RoleNames
{
    /// <summary>"Eigenaar", "Lid" or "Gast".</summary>
    public static string RoleName(this IStringLocalizer localizer, SpaceRole role) => role switch
    {
        SpaceRole.Owner => localizer["Owner"],
        SpaceRole.Member => localizer["Member"],
        _ => localizer["Guest"],
    };
}
