using Microsoft.AspNetCore.Http.HttpResults;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Problems;

namespace TeamWiki.Web.Api;

/// <summary>
/// Turns every refusal of the wiki (<see cref="WikiException"/>) into a problem response, in one place for
/// the whole API, by its kind: one table from kind to status. Kestrel's and model binding's own
/// refusals of a body (too large, cut off, malformed) are answered the same way.
/// </summary>
public sealed class ApiExceptionFilter : IEndpointFilter
{
    /// <summary>The status for each kind of refusal.</summary>
    public static readonly IReadOnlyDictionary<ProblemKind, int> Statuses = new Dictionary<ProblemKind, int>
    {
        [ProblemKind.Invalid] = StatusCodes.Status400BadRequest,
        [ProblemKind.Forbidden] = StatusCodes.Status403Forbidden,
        [ProblemKind.NotFound] = StatusCodes.Status404NotFound,
        [ProblemKind.Conflict] = StatusCodes.Status409Conflict,
        [ProblemKind.TooLarge] = StatusCodes.Status413PayloadTooLarge,
        [ProblemKind.UnsupportedBody] = StatusCodes.Status415UnsupportedMediaType,
        [ProblemKind.TooMany] = StatusCodes.Status429TooManyRequests,
        [ProblemKind.Busy] = StatusCodes.Status503ServiceUnavailable,
    };

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (WikiException ex)
        {
            return Problem(ex);
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
    }

    /// <summary>The problem response for a refusal.</summary>
    public static ProblemHttpResult Problem(WikiException ex) =>
        Problem(Statuses[ex.Kind], ex.Title, ex.Detail, ex.Extensions is { } extra ? new Dictionary<string, object?>(extra) : null);

    /// <summary>The answer to a revision that is not a commit on the branch, whatever the reason.</summary>
    public static ProblemHttpResult RevisionNotFound() => Problem(new RevisionNotFoundException(""));

    /// <summary>A problem response.</summary>
    public static ProblemHttpResult Problem(int status, string title, string detail, Dictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
}
