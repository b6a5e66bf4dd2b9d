using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TeamWiki.Storage.Problems;
using TeamWiki.Web.Api;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Accounts;

/// <summary><c>/api/invitations</c>: invite by e-mail, list pending invitations, revoke.</summary>
public static class InvitationsApi
{
    /// <summary>Maps the routes.</summary>
    public static void MapInvitationsApi(this RouteGroupBuilder api)
    {
        var invitations = api.MapGroup("/invitations");
        invitations.MapPost("/", Create).RequireAuthorization(WikiPolicies.Write)
            .Refuses(ProblemKind.Invalid, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.Conflict, ProblemKind.TooMany, ProblemKind.UnsupportedBody);
        invitations.MapGet("/", List).RequireAuthorization(WikiPolicies.Write);
        invitations.MapDelete("/{id}", Revoke).RequireAuthorization(WikiPolicies.Write).Refuses(ProblemKind.NotFound);
    }

    private static async Task<Results<Created<InvitationCreatedResponse>, ProblemHttpResult>> Create(InvitationRequest? body, Inviting inviting, HttpContext context)
    {
        try
        {
            var made = await inviting.InviteAsync(context.User, body?.Email, body?.Name, body?.Space, body?.Role, Origin(context.Request));
            return TypedResults.Created($"/api/invitations/{made.Invitation.Id}",
                new InvitationCreatedResponse(made.Invitation.Id, made.Link.Link, made.Link.Expires, made.Emailed));
        }
        catch (InvitationRefusedException ex)
        {
            if (ex.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return ApiExceptionFilter.Problem(ex);
        }
    }

    private static async Task<Ok<List<InvitationResponse>>> List(Inviting inviting, ClaimsPrincipal me, UserAccounts accounts)
    {
        var pending = await inviting.PendingAsync(me);
        var inviters = await accounts.ByIdsAsync(pending.Select(i => i.InvitedById).Distinct());
        return TypedResults.Ok(pending.Select(i => new InvitationResponse(i.Id, i.Email, i.Name, i.SpaceKey, i.Role?.ToString().ToLowerInvariant(),
            inviters.TryGetValue(i.InvitedById, out var by) ? by.DisplayName : "", i.CreatedAt, i.ExpiresAt)).ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(string id, Inviting inviting, ClaimsPrincipal me)
    {
        try
        {
            // Not a route constraint: an id that is no id is "not found" as a problem, like any other miss.
            await inviting.RevokeAsync(me, Guid.TryParse(id, out var guid) ? guid : throw InvitationRefusedException.NotFound("Invitation"));
            return TypedResults.NoContent();
        }
        catch (InvitationRefusedException ex)
        {
            return ApiExceptionFilter.Problem(ex);
        }
    }

    /// <summary>The wiki's address as the caller reached it, for links when no public address is configured.</summary>
    public static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}";
}
