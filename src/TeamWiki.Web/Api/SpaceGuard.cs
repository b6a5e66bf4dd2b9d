using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Api;

/// <summary>
/// The API's answers when <see cref="SpaceAccess"/> says no: 404 when the space may not even be seen
/// (its existence is not revealed), 403 when it may be read but not changed.
/// </summary>
public static class SpaceGuard
{
    /// <summary>Null when reading is allowed, else the problem to return.</summary>
    public static ProblemHttpResult? Read(SpaceAccess access, ClaimsPrincipal user, string space, string what = "Page") =>
        access.CanRead(user, space) ? null : NotFound(what);

    /// <summary>Null when the write is allowed, else the problem to return.</summary>
    public static ProblemHttpResult? Write(SpaceAccess access, ClaimsPrincipal user, string space, Func<SpacePermissions, bool> may, string what = "Page")
    {
        var permissions = access.For(user, space);
        if (!permissions.Read)
        {
            return NotFound(what);
        }

        return may(permissions)
            ? null
            : ApiExceptionFilter.Problem(StatusCodes.Status403Forbidden, "Forbidden", $"You may not change this in space '{space}'");
    }

    /// <summary>Null when pages may be written in the page's space.</summary>
    public static ProblemHttpResult? WritePage(SpaceAccess access, ClaimsPrincipal user, PagePath path) => Write(access, user, path.Space, p => p.WritePages);

    /// <summary>The 404 for something in a space that may not be seen (or does not exist): it names nothing.</summary>
    public static ProblemHttpResult NotFound(string what) =>
        ApiExceptionFilter.Problem(StatusCodes.Status404NotFound, $"{what} not found", $"{what} not found");
}
