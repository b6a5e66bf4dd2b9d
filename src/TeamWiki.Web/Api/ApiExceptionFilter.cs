using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;

namespace TeamWiki.Web.Api;

/// <summary>
/// Turns the store's few specific exceptions into problem responses, in one place for the whole API:
/// 400 bad input, 404 missing, 409 conflict (with both versions), 413 too large, 415 a body that is not JSON.
/// </summary>
public sealed class ApiExceptionFilter : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Conversation.ConversationException ex)
        {
            return Problem(ex.Status, ex.Title, ex.Message);
        }
        catch (InvalidPagePathException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid page path", ex.Reason);
        }
        catch (RevisionNotFoundException)
        {
            // One fixed answer, not echoing the id: unknown, off-branch and ambiguous ids look the same.
            return RevisionNotFound();
        }
        catch (BranchBusyException ex)
        {
            return Problem(StatusCodes.Status503ServiceUnavailable, "Busy", ex.Message);
        }
        catch (PageNotFoundException ex)
        {
            return Problem(StatusCodes.Status404NotFound, "Page not found", ex.Message);
        }
        catch (PageExistsException ex)
        {
            return Problem(StatusCodes.Status409Conflict, "Page exists", ex.Message);
        }
        catch (InvalidMoveException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid move", ex.Reason);
        }
        catch (Storage.Spaces.InvalidSpaceException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid space", ex.Reason);
        }
        catch (Storage.Spaces.SpaceExistsException ex)
        {
            return Problem(StatusCodes.Status409Conflict, "Space exists", ex.Message);
        }
        catch (Storage.Spaces.LastOwnerException)
        {
            return Problem(StatusCodes.Status409Conflict, "Last owner", "A space keeps at least one owner");
        }
        catch (Storage.Spaces.SpaceNotFoundException)
        {
            return SpaceGuard.NotFound("Space");
        }
        catch (Storage.Tasks.InvalidTaskException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid task", ex.Reason);
        }
        catch (Storage.Tasks.TaskNotFoundException ex)
        {
            return Problem(StatusCodes.Status404NotFound, "Task not found", ex.Message);
        }
        catch (Storage.Tasks.TaskConflictException ex)
        {
            return Problem(StatusCodes.Status409Conflict, "Edit conflict",
                "The task was changed by someone else since your base revision and the changes overlap. Nothing was saved.",
                new() { ["key"] = ex.Key, ["yours"] = ex.Yours, ["theirs"] = ex.Theirs, ["theirsRevision"] = ex.TheirsRevision });
        }
        catch (Storage.Documents.DocumentTooLargeException ex)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Document too large", ex.Message, new() { ["size"] = ex.Size, ["limit"] = ex.Limit });
        }
        catch (Storage.Documents.InvalidDocumentException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid document", ex.Reason);
        }
        catch (Storage.Documents.DocumentNotFoundException ex)
        {
            return Problem(StatusCodes.Status404NotFound, "Document not found", ex.Message);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Upload too large", "The upload is larger than this wiki accepts");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode is >= 400 and < 500)
        {
            // Kestrel and model binding: a body that could not be read (cut off, too slow, malformed).
            return Problem(ex.StatusCode, "Bad request", ex.Message);
        }
        catch (InvalidRequestBodyException ex)
        {
            return Problem(ex.Status, ex.Status == StatusCodes.Status415UnsupportedMediaType ? "Unsupported body" : "Invalid body", ex.Reason);
        }
        catch (PageTooLargeException ex)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Page too large", ex.Message,
                new() { ["size"] = ex.Size, ["limit"] = ex.Limit });
        }
        catch (PageConflictException ex)
        {
            return Problem(StatusCodes.Status409Conflict, "Edit conflict",
                "The page was changed by someone else since your base revision and the changes overlap. Nothing was saved.",
                new()
                {
                    ["path"] = ex.Path.Value,
                    ["yours"] = ex.Yours,
                    ["theirs"] = ex.Theirs,
                    ["base"] = ex.Base,
                    ["baseRevision"] = ex.BaseRevision,
                    ["theirsRevision"] = ex.TheirsRevision,
                });
        }
    }

    /// <summary>The answer to a revision that is not a commit on the branch, whatever the reason.</summary>
    public static IResult RevisionNotFound() =>
        Problem(StatusCodes.Status404NotFound, "Revision not found", "No commit on the wiki's branch has this id");

    /// <summary>A problem response.</summary>
    public static IResult Problem(int status, string title, string detail, Dictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
}
