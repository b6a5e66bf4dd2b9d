namespace TeamWiki.Web.Api;

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

/// <summary>One entry of a page's history.</summary>
public sealed record HistoryEntryResponse(string Revision, string Author, DateTimeOffset Date, string Message, string Path);

/// <summary>The difference between two revisions of a page.</summary>
public sealed record DiffResponse(string Path, string From, string To, string Patch, string OldMarkdown, string NewMarkdown);

/// <summary>A node of a page tree.</summary>
public sealed record TreeNodeResponse(string Path, string Title, bool Exists, IReadOnlyList<TreeNodeResponse> Children);


/// <summary>Body of <c>POST /api/users</c>.</summary>
public sealed record CreateUserRequest(string? Email, string? Name, string? Password, bool Admin = false, bool Guest = false);

/// <summary>Answer to <c>POST /api/users</c>.</summary>
public sealed record CreatedUserResponse(string Id, string Email, string Handle);

/// <summary>A user as the admin sees it.</summary>
public sealed record UserResponse(string Id, string Email, string Name, string Handle, bool IsAdmin, bool Disabled, DateTimeOffset CreatedAt);

/// <summary>Body of <c>POST /api/users/{id}/tokens</c>.</summary>
public sealed record CreateTokenRequest(string? Name);

/// <summary>A new token; the secret is shown only here.</summary>
public sealed record TokenResponse(string Token, Guid Id, string Name);

/// <summary>The signed-in user.</summary>
public sealed record MeResponse(string Id, string Email, string Name, string Handle, bool IsAdmin);
