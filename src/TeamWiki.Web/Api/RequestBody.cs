using System.Text.Json;
using TeamWiki.Storage.Problems;

namespace TeamWiki.Web.Api;

/// <summary>A request body the API cannot use: the wrong content type (415) or malformed JSON or form data (400).</summary>
public sealed class InvalidRequestBodyException(ProblemKind kind, string reason)
    : WikiException(kind, kind == ProblemKind.UnsupportedBody ? "Unsupported body" : "Invalid body", reason)
{
    /// <summary>What is wrong with the body, for the problem's detail.</summary>
    public string Reason { get; } = reason;
}

/// <summary>
/// Reads bodies of handlers that cannot let minimal APIs bind them (one route, several commands), with
/// the same answers binding gives: a body that is not JSON is refused before anything is parsed.
/// </summary>
public static class RequestBody
{
    /// <summary>The JSON body as <typeparamref name="T"/>; null for a JSON "null".</summary>
    public static async Task<T?> ReadJsonAsync<T>(HttpRequest request)
    {
        if (!request.HasJsonContentType())
        {
            throw new InvalidRequestBodyException(ProblemKind.UnsupportedBody, "The body must be JSON (Content-Type: application/json)");
        }

        try
        {
            return await request.ReadFromJsonAsync<T>(request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            throw new InvalidRequestBodyException(ProblemKind.Invalid, "The body is not valid JSON of the expected shape");
        }
    }

    /// <summary>The multipart or URL-encoded form; a malformed one (no boundary, broken parts) is a 400.</summary>
    public static async Task<IFormCollection> ReadFormAsync(HttpRequest request)
    {
        try
        {
            return await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidRequestBodyException(ProblemKind.Invalid, "The form data is malformed: " + ex.Message);
        }
    }
}
