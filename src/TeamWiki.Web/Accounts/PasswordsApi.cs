using Microsoft.AspNetCore.Http.HttpResults;
using TeamWiki.Storage.Problems;
using TeamWiki.Web.Api;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Accounts;

/// <summary><c>POST /api/me/password</c> (one's own password) and <c>POST /api/users/{id}/reset-link</c> (an administrator's reset link).</summary>
public static class PasswordsApi
{
    /// <summary>Maps the routes.</summary>
    public static void MapPasswordsApi(this RouteGroupBuilder api)
    {
        // It checks a password, so it counts against the same per-address limit as the sign-in form.
        api.MapPost("/me/password", Change).RequireAuthorization(WikiPolicies.Write)
            .RequireRateLimiting(SignInThrottling.PolicyName)
            .Refuses(ProblemKind.Invalid, ProblemKind.Forbidden, ProblemKind.TooMany, ProblemKind.UnsupportedBody);
        api.MapPost("/users/{id}/reset-link", ResetLink).RequireAuthorization(WikiPolicies.Admin).Refuses(ProblemKind.NotFound);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Change(PasswordChangeRequest? body, PasswordChanges changes, HttpContext context)
    {
        var (outcome, errors) = await changes.ChangeAsync(context, body?.Current, body?.New);
        return outcome switch
        {
            PasswordChangeOutcome.Changed => TypedResults.NoContent(),
            PasswordChangeOutcome.WrongCurrent => ApiExceptionFilter.Problem(StatusCodes.Status403Forbidden, "Wrong password", PasswordChanges.WrongCurrent),
            _ => ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "Password not changed", string.Join(" ", errors), new() { ["errors"] = errors }),
        };
    }

    private static async Task<Results<Ok<ResetLinkResponse>, ProblemHttpResult>> ResetLink(string id, UserAccounts accounts, PasswordResets resets, AccountMailer mailer, HttpContext context)
    {
        if (id.Length > 100 || await accounts.FindAsync(id) is not { } user || user.Id != id)
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status404NotFound, "User not found", "No such user");
        }

        var link = await resets.CreateLinkAsync(user, mailer.PublicUrl ?? InvitationsApi.Origin(context.Request));
        return TypedResults.Ok(new ResetLinkResponse(link.Link, link.Expires));
    }
}
