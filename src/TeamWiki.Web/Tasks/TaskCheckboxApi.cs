using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TeamWiki.Storage.Problems;
using TeamWiki.Storage.Tasks;
using TeamWiki.Web.Api;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Markup;

namespace TeamWiki.Web.Tasks;

/// <summary>Answer to a tick in a task's checklist.</summary>
public sealed record TaskCheckboxResponse(string Key, string Revision, bool Merged, bool Checked);

/// <summary>
/// <c>POST /api/tasks/{key}/checkbox</c> with <c>{index, checked, baseRevision}</c>: ticks one checkbox of a
/// task's checklist (its description's task list). Like a PATCH with <c>baseRevision</c>: the box is flipped
/// in the description as it was at that revision and merged with changes made since; 409 on overlap.
/// </summary>
public static class TaskCheckboxApi
{
    /// <summary>The checkbox <c>index</c> names is not in the description at <c>baseRevision</c>.</summary>
    private sealed class NoSuchCheckboxException(string key, int index)
        : WikiException(ProblemKind.Invalid, "No such checkbox", $"Task {key} has no checkbox number {index} (counted from 0)");

    /// <summary>Handles the tick; refusals come before anything is written.</summary>
    public static Results<Ok<TaskCheckboxResponse>, ProblemHttpResult> Tick(string key, CheckboxRequest? body, TaskStore tasks, SpaceAccess access,
        MarkdownRenderer renderer, ClaimsPrincipal user)
    {
        var task = tasks.Get(key);
        if (task is null || !access.CanRead(user, task.Space))
        {
            // The same answer for a task that does not exist and one in a space the caller may not read.
            return ApiExceptionFilter.Problem(StatusCodes.Status404NotFound, "Task not found", $"Task '{key}' does not exist");
        }

        if (SpaceGuard.Write(access, user, task.Space, p => p.WriteTasks, "Task") is { } denied)
        {
            return denied;
        }

        if (body is not { Index: { } index, Checked: { } check } || string.IsNullOrWhiteSpace(body.BaseRevision))
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "Invalid checkbox",
                "The body must be JSON with \"index\" (a number), \"checked\" (true or false) and \"baseRevision\"");
        }

        var baseRevision = body.BaseRevision.Trim();
        var updated = tasks.Update(task.Key,
            seen => seen with { Description = CheckboxTicker.TickBody(renderer, seen.Description, index, check) ?? throw new NoSuchCheckboxException(task.Key, index) },
            user.ToAuthor(), baseRevision);

        // Merged: the task had changed since the version the caller saw (its revision, as GET returns it).
        return TypedResults.Ok(new TaskCheckboxResponse(updated.Key, updated.Revision, task.Revision != baseRevision, check));
    }
}
