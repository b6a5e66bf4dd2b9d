using System.Text.Json;

namespace TeamWiki.Web.Api;

/// <summary>A request body the API cannot use: the wrong content type (415) or malformed JSON or form data (400).</summary>
public sealed class InvalidRequestBodyException(int status, string reason, Exception? inner = null) : Exception(reason, inner)
{
    /// <summary>415 or 400.</summary>
    public int Status { get; } = status;

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
            throw new InvalidRequestBodyException(StatusCodes.Status415UnsupportedMediaType, "The body must be JSON (Content-Type: application/json)");
        }

        try
        {
            return await request.ReadFromJsonAsync<T>(request.HttpContext.RequestAborted);
        }
        catch (JsonException ex)
        {
            throw new InvalidRequestBodyException(StatusCodes.Status400BadRequest, "The body is not valid JSON of the expected shape", ex);
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
            throw new InvalidRequestBodyException(StatusCodes.Status400BadRequest, "The form data is malformed: " + ex.Message, ex);
        }
    }
}
