namespace TeamWiki.Web.Accounts;

/// <summary>Body of <c>POST /api/invitations</c>.</summary>
public sealed record InvitationRequest(string? Email, string? Name, string? Space, string? Role);

/// <summary>A new invitation: the link (shown only here) and until when it works.</summary>
public sealed record InvitationCreatedResponse(Guid Id, string Link, DateTimeOffset Expires, bool Emailed);

/// <summary>A pending invitation in <c>GET /api/invitations</c>.</summary>
public sealed record InvitationResponse(Guid Id, string Email, string Name, string? Space, string? Role, string InvitedBy, DateTimeOffset Created, DateTimeOffset Expires);

/// <summary>Body of <c>POST /api/me/password</c>.</summary>
public sealed record PasswordChangeRequest(string? Current, string? New);

/// <summary>A password-reset link made by an administrator (shown only here).</summary>
public sealed record ResetLinkResponse(string Link, DateTimeOffset Expires);
