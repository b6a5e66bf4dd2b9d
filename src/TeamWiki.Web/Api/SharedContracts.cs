namespace TeamWiki.Web.Api;

/// <summary>One entry of a page's history.</summary>
public sealed record HistoryEntryResponse(string Revision, string Author, DateTimeOffset Date, string Message, string Path);

/// <summary>A node of a page tree.</summary>
public sealed record TreeNodeResponse(string Path, string Title, bool Exists, IReadOnlyList<TreeNodeResponse> Children);
