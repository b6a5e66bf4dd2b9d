using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using TeamWiki.Storage.People;

namespace TeamWiki.Web.Accounts;

/// <summary>
/// <c>POST /account/logout</c> from the user menu's form. Only a POST carrying the form's antiforgery
/// token signs out: a link, an image or another site's form (<c>GET</c>, or a POST without the token)
/// cannot end someone's session.
/// </summary>
public static class SignOutEndpoint
{
    /// <summary>Maps the endpoint.</summary>
    public static void MapSignOut(this IEndpointRouteBuilder app) =>
        app.MapPost("/account/logout", async (HttpContext context, SignInManager<WikiUser> signIn) =>
        {
            // The antiforgery middleware validated the token because of the metadata below; an endpoint
            // that binds no form must look at the outcome itself.
            if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "A valid antiforgery token is required to sign out.");
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        })
        .WithMetadata(new RequireAntiforgeryTokenAttribute())
        .AllowAnonymous();
}
