using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Problems;
using TeamWiki.Storage.Spaces;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Api;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Pages;

namespace TeamWiki.Web.Spaces;

/// <summary>A space as the API returns it.</summary>
public sealed record SpaceResponse(string Key, string Name, string Description, string? Colour = null, string Visibility = "internal",
    bool Archived = false, string TaskPrefix = "", IReadOnlyList<BoardColumn>? Columns = null, string? Role = null);

/// <summary>Body of <c>POST /api/spaces</c> and <c>PATCH /api/spaces/{key}</c> (absent fields stay as they are).</summary>
public sealed record SpaceRequest(string? Key, string? Name, string? Description, string? Colour, string? Visibility, bool? Archived,
    string? TaskPrefix, IReadOnlyList<BoardColumn>? Columns);

/// <summary>A member of a space.</summary>
public sealed record MemberResponse(string UserId, string Name, string Handle, string Role, bool Guest);

/// <summary>Body of <c>PUT /api/spaces/{key}/members/{user}</c>.</summary>
public sealed record MemberRequest(string? Role);

/// <summary>Body of <c>POST /api/spaces/{key}/guests</c>: invites a guest, creating the account when needed.</summary>
public sealed record GuestRequest(string? Email, string? Name, string? Password);

/// <summary><c>/api/spaces</c>, its members, and <c>/api/tree</c>. Space keys are case-insensitive.</summary>
public static class SpacesApi
{
    /// <summary>Maps the routes.</summary>
    public static void MapSpacesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/spaces", GetSpaces);
        api.MapPost("/spaces", Create).RequireAuthorization(WikiPolicies.Write)
            .Refuses(ProblemKind.Invalid, ProblemKind.Forbidden, ProblemKind.Conflict, ProblemKind.UnsupportedBody, ProblemKind.Busy);
        api.MapGet("/spaces/{key}", Get).Refuses(ProblemKind.NotFound);
        api.MapPatch("/spaces/{key}", Patch).RequireAuthorization(WikiPolicies.Write)
            .Refuses(ProblemKind.Invalid, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.UnsupportedBody, ProblemKind.Busy);
        // Who works in a space is account data: never for anonymous readers, even when they may read pages.
        api.MapGet("/spaces/{key}/members", Members).RequireAuthorization(WikiPolicies.Write).Refuses(ProblemKind.NotFound);
        api.MapGet("/spaces/{key}/members/{user}", GetMember).RequireAuthorization(WikiPolicies.Write).Refuses(ProblemKind.NotFound);
        api.MapPut("/spaces/{key}/members/{user}", PutMember).RequireAuthorization(WikiPolicies.Write)
            .Refuses(ProblemKind.Invalid, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.Conflict, ProblemKind.UnsupportedBody);
        api.MapDelete("/spaces/{key}/members/{user}", DeleteMember).RequireAuthorization(WikiPolicies.Write)
            .Refuses(ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.Conflict);
        api.MapPost("/spaces/{key}/guests", InviteGuest).RequireAuthorization(WikiPolicies.Write)
            .Refuses(ProblemKind.Invalid, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.Conflict, ProblemKind.UnsupportedBody);
        api.MapGet("/tree", GetTree).Refuses(ProblemKind.NotFound);
    }

    /// <summary>The API form of a space, with the caller's role.</summary>
    public static SpaceResponse ToResponse(SpaceInfo s, SpacePermissions p) =>
        new(s.Key, s.Name, s.Description, s.Colour, s.Visibility == SpaceVisibility.Private ? "private" : "internal", s.Archived, s.TaskPrefix,
            s.Columns, p.Role?.ToString().ToLowerInvariant());

    private static Ok<List<SpaceResponse>> GetSpaces(IContentCatalog catalog, SpaceAccess access, ClaimsPrincipal user) =>
        TypedResults.Ok(catalog.Current.Spaces.Select(s => (Space: s, Permissions: access.For(user, s.Key)))
            .Where(x => x.Permissions.Read).Select(x => ToResponse(x.Space, x.Permissions)).ToList());

    private static Results<Ok<SpaceResponse>, ProblemHttpResult> Get(string key, IContentCatalog catalog, SpaceAccess access, ClaimsPrincipal user) =>
        Find(key, catalog, access, user, out var space, out var permissions) is { } missing ? missing : TypedResults.Ok(ToResponse(space!, permissions!));

    private static async Task<Results<Created<SpaceResponse>, ProblemHttpResult>> Create(SpaceRequest? body, SpaceStore spaces, SpaceMembers members, ClaimsPrincipal user, SpaceAccess access)
    {
        if (!SpaceAccess.CanCreateSpaces(user))
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status403Forbidden, "Forbidden", "Guests cannot create spaces");
        }

        if (string.IsNullOrWhiteSpace(body?.Name) && string.IsNullOrWhiteSpace(body?.Key))
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "Missing name", "Give at least a \"name\" (and optionally a \"key\")");
        }

        var requested = Apply(new SpaceInfo(body!.Key ?? body.Name!, body.Name ?? body.Key!, ""), body);
        var created = spaces.Create(requested, user.ToAuthor());
        await members.SetAsync(created.Key, user.UserId()!, SpaceRole.Owner);
        return TypedResults.Created($"/api/spaces/{created.Key}", ToResponse(created, access.For(user, created.Key)));
    }

    private static Results<Ok<SpaceResponse>, ProblemHttpResult> Patch(string key, SpaceRequest? body, IContentCatalog catalog, SpaceStore spaces, SpaceAccess access, ClaimsPrincipal user)
    {
        if (Find(key, catalog, access, user, out var space, out var permissions) is { } missing)
        {
            return missing;
        }

        if (!permissions!.Manage)
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status403Forbidden, "Forbidden", "Only the space's owners change its settings");
        }

        if (body is null || body == new SpaceRequest(null, null, null, null, null, null, null, null))
        {
            // No body, or one that names no setting: refused rather than saved as it was, which would commit.
            return ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "No settings", "Send the settings to change, e.g. {\"description\": \"…\"}");
        }

        var updated = spaces.Update(Apply(space!, body), user.ToAuthor());
        return TypedResults.Ok(ToResponse(updated, access.For(user, updated.Key)));
    }

    private static async Task<Results<Ok<List<MemberResponse>>, ProblemHttpResult>> Members(string key, IContentCatalog catalog, SpaceAccess access, ClaimsPrincipal user, SpaceMembers members, UserAccounts accounts)
    {
        if (Find(key, catalog, access, user, out var space, out _) is { } missing)
        {
            return missing;
        }

        var list = members.Of(space!.Key);
        var people = await accounts.ByIdsAsync(list.Select(m => m.UserId));
        return TypedResults.Ok(list.Where(m => people.ContainsKey(m.UserId))
            .Select(m => Member(people[m.UserId], m.Role)).OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase).ToList());
    }

    private static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> GetMember(string key, string user, IContentCatalog catalog, SpaceAccess access, ClaimsPrincipal me, SpaceMembers members, UserAccounts accounts)
    {
        if (Find(key, catalog, access, me, out var space, out _) is { } missing)
        {
            return missing;
        }

        var person = await accounts.FindAsync(user);
        return person is not null && members.RolesOf(person.Id).TryGetValue(space!.Key, out var role)
            ? TypedResults.Ok(Member(person, role))
            : ApiExceptionFilter.Problem(StatusCodes.Status404NotFound, "Not a member", $"'{user}' is not a member of '{space!.Key}'");
    }

    private static async Task<Results<Created<MemberResponse>, Ok<MemberResponse>, ProblemHttpResult>> PutMember(string key, string user, MemberRequest? body, IContentCatalog catalog, SpaceAccess access, ClaimsPrincipal me,
        SpaceMembers members, UserAccounts accounts)
    {
        if (ManageOrProblem(key, catalog, access, me, out var space) is { } denied)
        {
            return denied;
        }

        if (!Enum.TryParse<SpaceRole>(body?.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role))
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "Invalid role", "\"role\" is owner, member or guest");
        }

        var person = await accounts.FindAsync(user);
        if (person is not { IsActive: true })
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status404NotFound, "User not found", $"No active user '{user}'");
        }

        if (person.IsGuest && role != SpaceRole.Guest)
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "Guest account", "A guest account can only be a guest in a space");
        }

        // The last-owner rule lives in SpaceMembers (409 through ApiExceptionFilter); only the request
        // that made the membership answers 201, so a repeated PUT answers 200.
        var created = await members.SetAsync(space!.Key, person.Id, role);
        var response = Member(person, role);
        return created ? TypedResults.Created($"/api/spaces/{space.Key}/members/{person.Handle}", response) : TypedResults.Ok(response);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteMember(string key, string user, IContentCatalog catalog, SpaceAccess access, ClaimsPrincipal me, SpaceMembers members, UserAccounts accounts)
    {
        if (ManageOrProblem(key, catalog, access, me, out var space) is { } denied)
        {
            return denied;
        }

        var person = await accounts.FindAsync(user);
        if (person is null || !members.RolesOf(person.Id).ContainsKey(space!.Key))
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status404NotFound, "Not a member", $"'{user}' is not a member");
        }

        await members.RemoveAsync(space.Key, person.Id);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<MemberResponse>, ProblemHttpResult>> InviteGuest(string key, GuestRequest? body, IContentCatalog catalog, SpaceAccess access, ClaimsPrincipal me, SpaceMembers members, UserAccounts accounts)
    {
        if (ManageOrProblem(key, catalog, access, me, out var space) is { } denied)
        {
            return denied;
        }

        var found = await accounts.FindOrCreateGuestAsync(body?.Email, body?.Name, body?.Password);
        if (!found.Succeeded)
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "Guest not created", string.Join(" ", found.Errors), new() { ["errors"] = found.Errors });
        }

        // Inviting the space's last owner as a guest would demote them: SpaceMembers refuses (409).
        var person = found.User!;
        await members.SetAsync(space!.Key, person.Id, SpaceRole.Guest);
        return TypedResults.Created($"/api/spaces/{space.Key}/members/{person.Handle}", Member(person, SpaceRole.Guest));
    }

    private static Results<Ok<List<TreeNodeResponse>>, ProblemHttpResult> GetTree(string? space, IContentCatalog catalog, SpaceAccess access, ClaimsPrincipal user)
    {
        var snapshot = catalog.Current;
        if (!string.IsNullOrWhiteSpace(space))
        {
            var key = space.Trim().ToLowerInvariant();
            return snapshot.FindSpace(key) is null || !access.CanRead(user, key)
                ? SpaceGuard.NotFound("Space")
                : TypedResults.Ok(snapshot.Tree(key).Select(ToResponse).ToList());
        }

        return TypedResults.Ok(snapshot.Spaces.Where(s => access.CanRead(user, s.Key))
            .Select(s => new TreeNodeResponse(s.Key, s.Name, false, snapshot.Tree(s.Key).Select(ToResponse).ToList()))
            .ToList());
    }

    private static ProblemHttpResult? Find(string key, IContentCatalog catalog, SpaceAccess access, ClaimsPrincipal user, out SpaceInfo? space, out SpacePermissions? permissions)
    {
        space = catalog.Current.FindSpace(key.Trim().ToLowerInvariant());
        permissions = space is null ? null : access.For(user, space.Key);
        return space is null || permissions?.Read != true
            ? SpaceGuard.NotFound("Space")
            : null;
    }

    private static ProblemHttpResult? ManageOrProblem(string key, IContentCatalog catalog, SpaceAccess access, ClaimsPrincipal user, out SpaceInfo? space)
    {
        if (Find(key, catalog, access, user, out space, out var permissions) is { } missing)
        {
            return missing;
        }

        return permissions!.Manage ? null : ApiExceptionFilter.Problem(StatusCodes.Status403Forbidden, "Forbidden", "Only the space's owners manage its members");
    }

    private static SpaceInfo Apply(SpaceInfo space, SpaceRequest body) => space with
    {
        Name = body.Name ?? space.Name,
        Description = body.Description ?? space.Description,
        Colour = body.Colour is null ? space.Colour : body.Colour.Length == 0 ? null : body.Colour,
        Visibility = body.Visibility is null ? space.Visibility
            : Enum.TryParse<SpaceVisibility>(body.Visibility, ignoreCase: true, out var v) ? v : throw new InvalidSpaceException("\"visibility\" is internal or private"),
        Archived = body.Archived ?? space.Archived,
        TaskPrefix = body.TaskPrefix ?? space.TaskPrefix,
        Columns = body.Columns?.Select(c => new BoardColumn(Slug.From(c.Key ?? ""), c.Name ?? "")).ToList() ?? space.Columns,
    };

    private static MemberResponse Member(Storage.People.WikiUser person, SpaceRole role) =>
        new(person.Id, person.DisplayName, person.Handle, role.ToString().ToLowerInvariant(), person.IsGuest);

    private static TreeNodeResponse ToResponse(PageTreeNode node) =>
        new(node.Path, node.Title, node.Exists, node.Children.Select(ToResponse).ToList());
}
