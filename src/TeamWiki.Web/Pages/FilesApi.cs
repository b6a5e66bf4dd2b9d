using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Pages;

/// <summary>
/// <c>GET /files/{path}</c>: images and other files stored next to pages in the repository. Files are
/// served with a sandboxing content security policy and <c>nosniff</c>, and anything that is not an
/// image is a download, so an uploaded HTML or SVG file can never run script in the wiki's origin.
/// </summary>
public static class FilesApi
{
    private const int MaxPathLength = 300;
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly HashSet<string> InlineTypes = ["image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml", "image/avif"];

    /// <summary>Maps the route.</summary>
    public static void MapFilesApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/files/{**path}", Get)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static Results<FileContentHttpResult, StatusCodeHttpResult, NotFound, ProblemHttpResult> Get(string path, IContentFiles repository, HttpContext http, SpaceAccess access)
    {
        if (!IsSafe(path))
        {
            return TypedResults.Problem(detail: "Invalid file path", statusCode: StatusCodes.Status400BadRequest, title: "Invalid file path");
        }

        // A space's redirect file says where pages that left it went, possibly into spaces the reader may
        // not see; it is read by the redirect step alone (which asks about both spaces), never served.
        if (!access.CanRead(http.User, path.Split('/')[0]) || path.EndsWith("/" + RedirectFile.FileName, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.NotFound();
        }

        var file = repository.ReadFile(path);
        if (file is null)
        {
            return TypedResults.NotFound();
        }

        var etag = new EntityTagHeaderValue($"\"{file.BlobId}\"");
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";
        headers.CacheControl = "private, max-age=60";
        if (http.Request.Headers.IfNoneMatch.ToString() == etag.ToString())
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var type = ContentTypes.TryGetContentType(path, out var t) ? t : "application/octet-stream";
        var download = InlineTypes.Contains(type) ? null : Path.GetFileName(path);
        return TypedResults.File(file.Content, type, download, entityTag: etag);
    }

    private static bool IsSafe(string path) =>
        path.Length is > 0 and <= MaxPathLength
        && !path.Any(c => char.IsControl(c) || c is '\\' or '\uFFFD')
        && path.Split('/').All(segment => segment.Length > 0 && segment is not "." and not ".." && !segment.StartsWith(".git", StringComparison.OrdinalIgnoreCase));
}
