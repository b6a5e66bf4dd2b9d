using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Problems;
using TeamWiki.Storage.Tasks;
using TeamWiki.Web.Api;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Markup;
using TeamWiki.Web.Pages;

namespace TeamWiki.Web.Tasks;

/// <summary>A task as the API returns it.</summary>
public sealed record TaskResponse(string Key, string Space, string Title, string Status, string? Assignee, string? Due, string Priority,
    IReadOnlyList<string> Labels, IReadOnlyList<string> Links, string Description, string? DescriptionHtml, bool Overdue, int ChecklistDone,
    int ChecklistTotal, string? Reporter, DateTimeOffset? Created, string? Revision, string? UpdatedBy, DateTimeOffset? Updated);

/// <summary>Body of <c>POST /api/spaces/{key}/tasks</c> and <c>PATCH /api/tasks/{key}</c>: absent fields stay as they are.</summary>
public sealed record TaskRequest(string? Title, string? Description, string? Status, string? Assignee, string? Due, string? Priority,
    IReadOnlyList<string>? Labels, IReadOnlyList<string>? Links, string? BaseRevision);

/// <summary>
/// <c>/api/spaces/{key}/tasks</c> and <c>/api/tasks/{key}</c>. Keys and statuses are case-insensitive.
/// A PATCH with <c>baseRevision</c> is merged like a page save; without it, the fields given are set on
/// the latest version (what a board move does).
/// </summary>
public static class TasksApi
{
    /// <summary>Maps the routes.</summary>
    public static void MapTasksApi(this RouteGroupBuilder api)
    {
        api.MapGet("/spaces/{space}/tasks", List).Refuses(ProblemKind.NotFound);
        api.MapPost("/spaces/{space}/tasks", Create).RequireAuthorization(WikiPolicies.Write)
            .Refuses(ProblemKind.Invalid, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.UnsupportedBody, ProblemKind.Busy);
        api.MapGet("/tasks/{key}", Get).Refuses(ProblemKind.NotFound);
        api.MapPatch("/tasks/{key}", Patch).RequireAuthorization(WikiPolicies.Write)
            .Refuses(ProblemKind.Invalid, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.Conflict, ProblemKind.UnsupportedBody, ProblemKind.Busy);
        api.MapDelete("/tasks/{key}", Delete).RequireAuthorization(WikiPolicies.Write)
            .Refuses(ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.Busy);
        api.MapGet("/tasks/{key}/history", History).Refuses(ProblemKind.NotFound);
        api.MapPost("/tasks/{key}/checkbox", TaskCheckboxApi.Tick).RequireAuthorization(WikiPolicies.Write)
            .Refuses(ProblemKind.Invalid, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.Conflict, ProblemKind.UnsupportedBody, ProblemKind.Busy);
    }

    private static Results<Ok<List<TaskResponse>>, ProblemHttpResult> List(string space, string? status, string? assignee, string? label, TaskStore tasks, IContentCatalog catalog, SpaceAccess access, ClaimsPrincipal user)
    {
        var key = space.Trim().ToLowerInvariant();
        if (catalog.Current.FindSpace(key) is not { } info || SpaceGuard.Read(access, user, key, "Space") is { } denied)
        {
            return SpaceGuard.NotFound("Space");
        }

        var wantedStatus = string.IsNullOrWhiteSpace(status) ? null : Slug.From(status);
        var wantedAssignee = string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim().TrimStart('@').ToLowerInvariant();
        var wantedLabel = string.IsNullOrWhiteSpace(label) ? null : label.Trim().ToLowerInvariant();
        var today = DateOnly.FromDateTime(DateTime.Today);
        return TypedResults.Ok(tasks.InSpace(key)
            .Where(t => wantedStatus is null || t.Status == wantedStatus)
            .Where(t => wantedAssignee is null || t.Assignee == wantedAssignee)
            .Where(t => wantedLabel is null || t.Labels.Contains(wantedLabel))
            .OrderBy(t => t.Number)
            .Select(t => ToResponse(t, info.DoneStatus, today, null))
            .ToList());
    }

    private static async Task<Results<Created<TaskResponse>, ProblemHttpResult>> Create(string space, TaskRequest? body, TaskStore tasks, IContentCatalog catalog, SpaceAccess access, ClaimsPrincipal user, TeamWiki.Web.Accounts.Assignees assignees)
    {
        var key = space.Trim().ToLowerInvariant();
        if (catalog.Current.FindSpace(key) is null)
        {
            return SpaceGuard.NotFound("Space");
        }

        if (SpaceGuard.Write(access, user, key, p => p.WriteTasks, "Space") is { } denied)
        {
            return denied;
        }

        if (string.IsNullOrWhiteSpace(body?.Title))
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "Missing title", "A task needs a \"title\"");
        }

        var draft = new WikiTask("", key, "", "", null, null, TaskPriority.Normal, [], [], "", user.FindFirstValue(WikiClaims.Handle), DateTimeOffset.UtcNow);
        var task = tasks.Create(key, await ApplyAsync(draft, body, key, user, assignees), user.ToAuthor());
        return TypedResults.Created($"/api/tasks/{task.Key}", ToResponse(task, catalog.Current.FindSpace(key)!.DoneStatus, DateOnly.FromDateTime(DateTime.Today), null));
    }

    private static Results<Ok<TaskResponse>, ProblemHttpResult> Get(string key, TaskStore tasks, IContentCatalog catalog, SpaceAccess access, ClaimsPrincipal user, PageRenderer renderer)
    {
        var task = tasks.Get(key);
        if (task is null || !access.CanRead(user, task.Space))
        {
            return NotFound(key);
        }

        var html = renderer.RenderStored(task.BlobId, task.Description, task.Space + "/_tasks", access.Readable(user)).Html;
        return TypedResults.Ok(ToResponse(task, catalog.Current.FindSpace(task.Space)?.DoneStatus ?? "done", DateOnly.FromDateTime(DateTime.Today), html));
    }

    private static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> Patch(string key, TaskRequest? body, TaskStore tasks, IContentCatalog catalog, SpaceAccess access, ClaimsPrincipal user, TeamWiki.Web.Accounts.Assignees assignees)
    {
        var task = tasks.Get(key);
        if (task is null || !access.CanRead(user, task.Space))
        {
            return NotFound(key);
        }

        if (SpaceGuard.Write(access, user, task.Space, p => p.WriteTasks, "Task") is { } denied)
        {
            return denied;
        }

        var request = body ?? new TaskRequest(null, null, null, null, null, null, null, null, null);
        var changed = await ApplyAsync(task, request, task.Space, user, assignees);
        var updated = tasks.Update(task.Key, t => Merge(t, task, changed), user.ToAuthor(), string.IsNullOrWhiteSpace(request.BaseRevision) ? null : request.BaseRevision.Trim());
        return TypedResults.Ok(ToResponse(updated, catalog.Current.FindSpace(updated.Space)?.DoneStatus ?? "done", DateOnly.FromDateTime(DateTime.Today), null));
    }

    private static Results<NoContent, ProblemHttpResult> Delete(string key, TaskStore tasks, SpaceAccess access, ClaimsPrincipal user)
    {
        var task = tasks.Get(key);
        if (task is null || !access.CanRead(user, task.Space))
        {
            return NotFound(key);
        }

        if (SpaceGuard.Write(access, user, task.Space, p => p.WriteTasks, "Task") is { } denied)
        {
            return denied;
        }

        tasks.Delete(task.Key, user.ToAuthor());
        return TypedResults.NoContent();
    }

    private static Results<Ok<List<HistoryEntryResponse>>, ProblemHttpResult> History(string key, TaskStore tasks, SpaceAccess access, ClaimsPrincipal user)
    {
        var task = tasks.Get(key);
        return task is null || !access.CanRead(user, task.Space)
            ? NotFound(key)
            : TypedResults.Ok(tasks.History(task.Key).Select(h => new HistoryEntryResponse(h.Revision, h.Author, h.Date, h.Message.TrimEnd(), h.Path)).ToList());
    }

    /// <summary>Only the fields the request changed are applied to the version being saved.</summary>
    private static WikiTask Merge(WikiTask target, WikiTask original, WikiTask changed) => target with
    {
        Title = changed.Title != original.Title ? changed.Title : target.Title,
        Description = changed.Description != original.Description ? changed.Description : target.Description,
        Status = changed.Status != original.Status ? changed.Status : target.Status,
        Assignee = changed.Assignee != original.Assignee ? changed.Assignee : target.Assignee,
        Due = changed.Due != original.Due ? changed.Due : target.Due,
        Priority = changed.Priority != original.Priority ? changed.Priority : target.Priority,
        Labels = !changed.Labels.SequenceEqual(original.Labels) ? changed.Labels : target.Labels,
        Links = !changed.Links.SequenceEqual(original.Links) ? changed.Links : target.Links,
    };

    private static async Task<WikiTask> ApplyAsync(WikiTask task, TaskRequest body, string space, ClaimsPrincipal user, TeamWiki.Web.Accounts.Assignees assignees)
    {
        string? assignee = task.Assignee;
        if (body.Assignee is not null)
        {
            var wanted = body.Assignee.Trim().TrimStart('@');
            if (wanted.Length == 0)
            {
                assignee = null;
            }
            else if (!string.Equals(wanted, task.Assignee, StringComparison.OrdinalIgnoreCase))
            {
                // One answer for "no such account" and "not someone who works here": which accounts
                // exist is not the caller's business.
                assignee = (await assignees.FindAsync(user, space, wanted))?.Handle
                    ?? throw new InvalidTaskException($"'{Notifications.Notifier.Cut(wanted, 64)}' cannot be given tasks in this space");
            }
        }

        DateOnly? due = task.Due;
        if (body.Due is not null)
        {
            due = body.Due.Trim().Length == 0 ? null
                : DateOnly.TryParseExact(body.Due.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                : throw new InvalidTaskException("\"due\" is a date written yyyy-MM-dd");
        }

        var priority = task.Priority;
        if (body.Priority is not null && !(Enum.TryParse(body.Priority, ignoreCase: true, out priority) && Enum.IsDefined(priority)))
        {
            throw new InvalidTaskException("\"priority\" is low, normal, high or urgent");
        }

        return task with
        {
            Title = body.Title ?? task.Title,
            Description = body.Description ?? task.Description,
            Status = body.Status ?? task.Status,
            Assignee = assignee,
            Due = due,
            Priority = priority,
            Labels = body.Labels?.ToList() ?? task.Labels,
            Links = body.Links?.Select(l => l.Trim()).Where(l => l.Length is > 0 and <= 300).ToList() ?? task.Links,
        };
    }

    /// <summary>The API form of a task.</summary>
    public static TaskResponse ToResponse(WikiTask t, string doneStatus, DateOnly today, string? html)
    {
        var (done, total) = t.Checklist;
        return new TaskResponse(t.Key, t.Space, t.Title, t.Status, t.Assignee, t.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            t.Priority.ToString().ToLowerInvariant(), t.Labels, t.Links, t.Description, html, t.IsOverdue(today, doneStatus), done, total,
            t.Reporter, t.Created, string.IsNullOrEmpty(t.Revision) ? null : t.Revision, string.IsNullOrEmpty(t.UpdatedBy) ? null : t.UpdatedBy,
            t.Updated == default ? null : t.Updated);
    }

    private static ProblemHttpResult NotFound(string key) => ApiExceptionFilter.Problem(StatusCodes.Status404NotFound, "Task not found", $"Task '{key}' does not exist");
}
