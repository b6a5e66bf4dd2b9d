using Microsoft.Extensions.Localization;
using TeamWiki.Storage.Spaces;

namespace TeamWiki.Web.Components.Shared;

/// <summary>Board column names: the default columns are shown in the UI language, renamed ones as written.</summary>
public static class ColumnLabels
{
    /// <summary>The name to show for a column.</summary>
    public static string Label(this IStringLocalizer localizer, BoardColumn column) =>
        SpaceInfo.DefaultColumns.Contains(column) ? localizer[column.Name] : column.Name;

    /// <summary>The name to show for a status of a space.</summary>
    public static string StatusLabel(this IStringLocalizer localizer, SpaceInfo? space, string status) =>
        (space?.Columns ?? SpaceInfo.DefaultColumns).FirstOrDefault(c => c.Key == status) is { } column ? localizer.Label(column) : status;
}
