namespace TeamWiki.Web.Activity;

/// <summary>One thing that happened: a change to a page, task or document (later also posts and comments).</summary>
/// <param name="Kind"><c>page</c>, <c>task</c>, <c>document</c> or <c>space</c>.</param>
/// <param name="Space">The space it happened in.</param>
/// <param name="Id">Page path, task key, document id or space key.</param>
/// <param name="Title">What to show.</param>
/// <param name="Url">Where it is in the UI; null when it no longer exists.</param>
/// <param name="Author">Who.</param>
/// <param name="When">When.</param>
/// <param name="Message">What, in the words of the commit message.</param>
/// <param name="Revision">The commit.</param>
public sealed record ActivityItem(string Kind, string Space, string Id, string Title, string? Url, string Author, DateTimeOffset When, string Message, string Revision);
