namespace TeamWiki.Web.Markup;

/// <summary>Body of <c>POST /api/pages/{path}/checkbox</c> and <c>POST /api/tasks/{key}/checkbox</c>.</summary>
/// <param name="Index">Which checkbox, counted from 0 in document order.</param>
/// <param name="Checked">Tick (true) or untick (false).</param>
/// <param name="BaseRevision">The revision the person saw; the tick is merged with changes made since, like any edit.</param>
public sealed record CheckboxRequest(int? Index, bool? Checked, string? BaseRevision);
