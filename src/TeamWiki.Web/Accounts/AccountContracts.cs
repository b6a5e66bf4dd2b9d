namespace TeamWiki.Web.Accounts;

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
