namespace TeamWiki.Web.Pages.Cache;

/// <summary>
/// Set on a request whose page the page view cache is rendering to keep: personal parts render as holes
/// named after <see cref="Marker"/> instead of the requester's own HTML.
/// </summary>
/// <param name="Marker">Random per process; starts every hole.</param>
public sealed record PageCapture(string Marker);
