namespace TeamWiki.Web.Pages;

/// <summary>A page as the API returns it.</summary>
public sealed record PageResponse(string Path, string Title, string Markdown, string Html, string Revision, string Author, DateTimeOffset Updated,
    IReadOnlyList<string> Tags, string Space, string? Description);

/// <summary>Body of <c>PUT /api/pages/{path}</c>.</summary>
public sealed record SavePageRequest(string? Markdown, string? Message, string? BaseRevision);

/// <summary>Answer to a save, move, delete or revert.</summary>
public sealed record SavePageResponse(string Path, string Revision, bool Merged);

/// <summary>Body of <c>POST /api/pages/{path}/move</c>.</summary>
public sealed record MovePageRequest(string? To);

/// <summary>Body of <c>POST /api/pages/{path}/revert</c>.</summary>
public sealed record RevertPageRequest(string? Revision);

/// <summary>The difference between two revisions of a page.</summary>
public sealed record DiffResponse(string Path, string From, string To, string Patch, string OldMarkdown, string NewMarkdown);

/// <summary>A page that links to another (<c>GET /api/pages/{path}/backlinks</c>).</summary>
public sealed record BacklinkResponse(string Path, string Title, string Space);
