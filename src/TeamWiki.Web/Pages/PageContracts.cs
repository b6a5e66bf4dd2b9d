namespace TeamWiki.Web.Pages;

/// <summary>A page as the API returns it.</summary>
public sealed record PageResponse(string Path, string Title, string Markdown, string Html, string Revision, string Author, DateTimeOffset Updated,
    IReadOnlyList<string> Tags, string Space, string? Description);

/// <summary>Body of <c>PUT /api/pages/{path}</c>, and of <c>PUT /api/pages/{path}/draft</c> (without a message).</summary>
public sealed record SavePageRequest(string? Markdown, string? Message, string? BaseRevision);

/// <summary>Answer to a save, move, delete or revert.</summary>
public sealed record SavePageResponse(string Path, string Revision, bool Merged);

/// <summary>Body of <c>POST /api/pages/{path}/move</c>.</summary>
/// <param name="To">The new address.</param>
/// <param name="RewriteLinks">Rewrite other pages' <c>[[links]]</c> to the page in the same commit (default false).</param>
public sealed record MovePageRequest(string? To, bool? RewriteLinks = null);

/// <summary>Body of <c>POST /api/pages/{path}/revert</c>.</summary>
public sealed record RevertPageRequest(string? Revision);

/// <summary>The difference between two revisions of a page.</summary>
public sealed record DiffResponse(string Path, string From, string To, string Patch, string OldMarkdown, string NewMarkdown);

/// <summary>A page that links to another (<c>GET /api/pages/{path}/backlinks</c>).</summary>
public sealed record BacklinkResponse(string Path, string Title, string Space);

/// <summary>Answer to a move: the new address and the pages whose links were rewritten in the same commit.</summary>
public sealed record MovePageResponse(string Path, string Revision, bool Merged, IReadOnlyList<string> LinksUpdated);

/// <summary>Body of <c>POST /api/pages/{path}/restore</c> (optional).</summary>
public sealed record RestorePageRequest(string? Revision);

/// <summary>A page in a space's trash.</summary>
public sealed record TrashEntryResponse(string Path, string Title, string DeletedBy, DateTimeOffset Deleted, string Revision);

/// <summary>The caller's draft of a page.</summary>
public sealed record DraftResponse(string Path, string Markdown, string? Title, string? BaseRevision, DateTimeOffset Saved);

/// <summary>Answer to a tick: the new revision, whether it was merged with a concurrent change, and the box's state.</summary>
public sealed record CheckboxResponse(string Path, string Revision, bool Merged, bool Checked);
