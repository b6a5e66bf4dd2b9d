using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using TeamWiki.Storage.People;
using TeamWiki.Storage.Problems;
using TeamWiki.Web.Api;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Accounts;

/// <summary><c>/api/users</c> (admin) and <c>/api/me</c>.</summary>
public static class UsersApi
{
    /// <summary>Maps the routes.</summary>
    public static void MapUsersApi(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users");
        users.MapGet("/", List).RequireAuthorization(WikiPolicies.Admin);
        users.MapPost("/", Create).RequireAuthorization(WikiPolicies.Admin)
            .Refuses(ProblemKind.Invalid, ProblemKind.Conflict, ProblemKind.UnsupportedBody);
        users.MapPost("/{id}/tokens", CreateToken).RequireAuthorization(WikiPolicies.Write)
            .Refuses(ProblemKind.Invalid, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.UnsupportedBody);
        // Disabling oneself is refused (400); enabling never is.
        users.MapPost("/{id}/disable", (string id, UserAccounts accounts, ClaimsPrincipal me) => SetDisabled(id, true, accounts, me))
            .RequireAuthorization(WikiPolicies.Admin).Refuses(ProblemKind.Invalid, ProblemKind.NotFound);
        users.MapPost("/{id}/enable", (string id, UserAccounts accounts, ClaimsPrincipal me) => SetDisabled(id, false, accounts, me))
            .RequireAuthorization(WikiPolicies.Admin).Refuses(ProblemKind.NotFound);
        api.MapGet("/me", Me).RequireAuthorization(WikiPolicies.Write);
    }

    private static async Task<Ok<List<UserResponse>>> List(UserAccounts accounts) =>
        TypedResults.Ok((await accounts.ListAsync())
            .Select(x => new UserResponse(x.User.Id, x.User.Email ?? "", x.User.DisplayName, x.User.Handle, x.IsAdmin, !x.User.IsActive, x.User.CreatedAt))
            .ToList());

    private static async Task<Results<Created<CreatedUserResponse>, ProblemHttpResult>> Create(CreateUserRequest? body, UserAccounts accounts)
    {
        var result = await accounts.CreateAsync(body?.Email, body?.Name, body?.Password, body?.Admin ?? false, body?.Guest ?? false);
        if (!result.Succeeded)
        {
            return ApiExceptionFilter.Problem(result.Duplicate ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
                "Account not created", string.Join(" ", result.Errors), new() { ["errors"] = result.Errors });
        }

        var user = result.User!;
        return TypedResults.Created($"/api/users/{user.Id}", new CreatedUserResponse(user.Id, user.Email!, user.Handle));
    }

    private static async Task<Results<Created<TokenResponse>, ProblemHttpResult>> CreateToken(string id, CreateTokenRequest? body, ClaimsPrincipal me, UserManager<WikiUser> users, ApiTokens tokens, FreshCredentials fresh)
    {
        if (!await fresh.AreCurrentAsync(me))
        {
            // A session from before a password change (the cookie's own check runs once a minute) mints nothing.
            return ApiExceptionFilter.Problem(StatusCodes.Status401Unauthorized, "Sign in again", "Your sign-in is no longer valid");
        }

        if (me.UserId() != id && !me.IsAdmin())
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status403Forbidden, "Forbidden", "Only admins create tokens for other users");
        }

        if (await users.FindByIdAsync(id) is not { IsActive: true })
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status404NotFound, "User not found", $"No active user '{id}'");
        }

        var (token, secret) = await tokens.CreateAsync(id, body?.Name ?? "api");
        return TypedResults.Created($"/api/users/{id}/tokens/{token.Id}", new TokenResponse(secret, token.Id, token.Name));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetDisabled(string id, bool disabled, UserAccounts accounts, ClaimsPrincipal me)
    {
        if (disabled && me.UserId() == id)
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "Not allowed", "You cannot disable your own account");
        }

        return await accounts.SetDisabledAsync(id, disabled)
            ? TypedResults.NoContent()
            : ApiExceptionFilter.Problem(StatusCodes.Status404NotFound, "User not found", $"No user '{id}'");
    }

    private static Ok<MeResponse> Me(ClaimsPrincipal me) =>
        TypedResults.Ok(new MeResponse(me.UserId()!, me.FindFirstValue(ClaimTypes.Email) ?? "", me.Name(),
            me.FindFirstValue(WikiClaims.Handle) ?? "", me.IsAdmin()));
}
