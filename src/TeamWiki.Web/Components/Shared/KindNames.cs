using Microsoft.Extensions.Localization;

namespace TeamWiki.Web.Components.Shared;

/// <summary>The name of a kind of item (page, task, document, space) in the UI language.</summary>
public static class KindNames
{
    /// <summary>"taak" for <c>task</c>. Keys are prefixed: resource names that differ only in case collide.</summary>
    public static string KindName(this IStringLocalizer localizer, string kind) =>
        localizer["kind:" + kind] is { ResourceNotFound: false } found ? found.Value : kind;
}
