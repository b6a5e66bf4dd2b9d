using System.Security.Claims;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Api;

/// <summary><c>/api/spaces</c> and <c>/api/tree</c>.</summary>
public static class SpacesApi
{
    /// <summary>Maps the routes.</summary>
    public static void MapSpacesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/spaces", GetSpaces);
        api.MapGet("/tree", GetTree);
    }

    private static IResult GetSpaces(IContentCatalog catalog, SpaceAccess access, ClaimsPrincipal user) =>
        TypedResults.Ok(catalog.Current.Spaces.Where(s => access.CanRead(user, s.Key)).Select(s => new SpaceResponse(s.Key, s.Name, s.Description)).ToList());

    private static IResult GetTree(string? space, IContentCatalog catalog, SpaceAccess access, ClaimsPrincipal user)
    {
        var snapshot = catalog.Current;
        if (!string.IsNullOrWhiteSpace(space))
        {
            var key = space.Trim().ToLowerInvariant();
            return snapshot.FindSpace(key) is null || !access.CanRead(user, key)
                ? ApiExceptionFilter.Problem(StatusCodes.Status404NotFound, "Space not found", $"Space '{key}' does not exist")
                : TypedResults.Ok(snapshot.Tree(key).Select(ToResponse).ToList());
        }

        return TypedResults.Ok(snapshot.Spaces.Where(s => access.CanRead(user, s.Key))
            .Select(s => new TreeNodeResponse(s.Key, s.Name, false, snapshot.Tree(s.Key).Select(ToResponse).ToList()))
            .ToList());
    }

    private static TreeNodeResponse ToResponse(PageTreeNode node) =>
        new(node.Path, node.Title, node.Exists, node.Children.Select(ToResponse).ToList());
}
