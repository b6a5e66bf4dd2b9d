using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TeamWiki.Storage.Documents;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Problems;
using TeamWiki.Web.Api;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Documents;

/// <summary>A document as the API returns it.</summary>
public sealed record DocumentResponse(string Id, string Space, string Name, long Size, string ContentType, string Revision, string Author,
    DateTimeOffset Updated, IReadOnlyList<DocumentVersionResponse>? Versions = null);

/// <summary>One version of a document.</summary>
public sealed record DocumentVersionResponse(string Version, string Author, DateTimeOffset Date, long Size, string Message);

/// <summary>An uploaded file.</summary>
public sealed record UploadResponse(string Id, string Name, string Version, bool Created);

/// <summary>Body of <c>POST /api/documents/{id}/restore</c>.</summary>
public sealed record RestoreRequest(string? Version);

/// <summary>
/// <c>/api/spaces/{key}/documents</c> and <c>/api/documents/{id}</c>. Content is always served as a
/// download, except images and PDFs asked for inline, which come with a sandboxing policy.
/// </summary>
public static class DocumentsApi
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>Maps the routes.</summary>
    public static void MapDocumentsApi(this RouteGroupBuilder api, long maxUploadBytes)
    {
        api.MapGet("/spaces/{space}/documents", List).Refuses(ProblemKind.NotFound);
        api.MapPost("/spaces/{space}/documents", Upload).RequireAuthorization(WikiPolicies.Write)
            .WithMetadata(new RequestSizeLimitAttribute(maxUploadBytes + 1024 * 1024))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = maxUploadBytes + 1024 * 1024 })
            .Refuses(ProblemKind.Invalid, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.TooLarge, ProblemKind.Busy);
        api.MapGet("/documents/{id}", Get).Refuses(ProblemKind.NotFound);
        // The bytes come with the document's own content type; a file result declares none by itself.
        api.MapGet("/documents/{id}/content", Content)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Refuses(ProblemKind.NotFound);
        api.MapPost("/documents/{id}/restore", Restore).RequireAuthorization(WikiPolicies.Write)
            .Refuses(ProblemKind.Invalid, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.UnsupportedBody, ProblemKind.Busy);
    }

    private static Results<Ok<List<DocumentResponse>>, ProblemHttpResult> List(string space, DocumentStore documents, IContentCatalog catalog, SpaceAccess access, ClaimsPrincipal user)
    {
        var key = space.Trim().ToLowerInvariant();
        return catalog.Current.FindSpace(key) is null || !access.CanRead(user, key)
            ? SpaceGuard.NotFound("Space")
            : TypedResults.Ok(documents.InSpace(key).Select(d => ToResponse(d)).ToList());
    }

    private static async Task<Results<Created<List<UploadResponse>>, ProblemHttpResult>> Upload(string space, HttpRequest request, DocumentStore documents, IContentCatalog catalog, SpaceAccess access, ClaimsPrincipal user,
        IOptions<TeamWikiOptions> options)
    {
        var key = space.Trim().ToLowerInvariant();
        if (catalog.Current.FindSpace(key) is null)
        {
            return SpaceGuard.NotFound("Space");
        }

        if (SpaceGuard.Write(access, user, key, p => p.WriteDocuments, "Space") is { } denied)
        {
            return denied;
        }

        if (!request.HasFormContentType)
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "No files", "Send the files as multipart/form-data");
        }

        var form = await RequestBody.ReadFormAsync(request);
        if (form.Files.Count == 0)
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "No files", "The form holds no files");
        }

        // A control character in a file name is a broken client or a probe, not a name to tidy up; so is
        // a name whose encoding did not decode (filename*=UTF-8''%C0 gives U+FFFD, the replacement character).
        if (form.Files.Any(f => f.FileName.Any(char.IsControl)))
        {
            throw new InvalidDocumentException("A file name holds a control character");
        }

        if (form.Files.Any(f => f.FileName.Contains('\uFFFD')))
        {
            throw new InvalidDocumentException("A file name is not valid UTF-8");
        }

        var limit = options.Value.MaxUploadBytes;
        if (form.Files.FirstOrDefault(f => f.Length > limit) is { } tooLarge)
        {
            throw new DocumentTooLargeException(tooLarge.FileName, tooLarge.Length, limit);
        }

        // "name" stores a single file as a new version of that document, whatever the file is called.
        var asName = form["name"].ToString();
        if (asName.Length > 0 && form.Files.Count > 1)
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "One file only", "\"name\" applies to a single file");
        }

        var uploads = new List<DocumentUpload>();
        foreach (var file in form.Files)
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            uploads.Add(new DocumentUpload(asName.Length > 0 ? asName : file.FileName, buffer.ToArray()));
        }

        // One commit for the whole form: a refused file means none of them is stored.
        var stored = documents.UploadAll(key, uploads, user.ToAuthor(), form["message"]);
        return TypedResults.Created($"/api/spaces/{key}/documents",
            stored.Select(s => new UploadResponse(s.Document.Id, s.Document.Name, s.Document.Revision, s.Created)).ToList());
    }

    private static Results<Ok<DocumentResponse>, ProblemHttpResult> Get(string id, DocumentStore documents, SpaceAccess access, ClaimsPrincipal user)
    {
        var document = Find(id, documents, access, user);
        return document is null
            ? NotFound(id)
            : TypedResults.Ok(ToResponse(document, documents.Versions(document.Id).Select(v => new DocumentVersionResponse(v.Revision, v.Author, v.Date, v.Size, v.Message)).ToList()));
    }

    private static Results<FileContentHttpResult, ProblemHttpResult> Content(string id, string? version, bool? inline, DocumentStore documents, SpaceAccess access, ClaimsPrincipal user, HttpContext http)
    {
        var document = Find(id, documents, access, user);
        var bytes = document is null ? null : documents.Content(document.Id, string.IsNullOrWhiteSpace(version) ? null : version.Trim());
        if (document is null || bytes is null)
        {
            return NotFound(id);
        }

        var type = ContentType(document.Name);
        var preview = inline == true && DocumentTypes.IsPreviewable(document.Name);
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, max-age=60";
        // A PDF needs the browser's viewer, which a sandbox policy would block; images get the sandbox.
        headers.ContentSecurityPolicy = type == "application/pdf" && preview ? "frame-ancestors 'self'" : "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'self'";
        headers.XFrameOptions = "SAMEORIGIN";
        return TypedResults.File(bytes, type, preview ? null : document.Name, entityTag: new EntityTagHeaderValue($"\"{version ?? document.BlobId}\""));
    }

    private static Results<Ok<DocumentResponse>, ProblemHttpResult> Restore(string id, RestoreRequest? body, DocumentStore documents, SpaceAccess access, ClaimsPrincipal user)
    {
        var document = Find(id, documents, access, user);
        if (document is null)
        {
            return NotFound(id);
        }

        if (SpaceGuard.Write(access, user, document.Space, p => p.WriteDocuments, "Document") is { } denied)
        {
            return denied;
        }

        if (string.IsNullOrWhiteSpace(body?.Version))
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "Missing version", "The body must be JSON with a \"version\"");
        }

        return TypedResults.Ok(ToResponse(documents.Restore(document.Id, body.Version.Trim(), user.ToAuthor())));
    }

    private static DocumentInfo? Find(string id, DocumentStore documents, SpaceAccess access, ClaimsPrincipal user) =>
        documents.Get(id) is { } document && access.CanRead(user, document.Space) ? document : null;

    /// <summary>The content type of a file name (application/octet-stream when unknown).</summary>
    public static string ContentType(string name) => ContentTypes.TryGetContentType(name, out var type) ? type : "application/octet-stream";

    private static DocumentResponse ToResponse(DocumentInfo d, IReadOnlyList<DocumentVersionResponse>? versions = null) =>
        new(d.Id, d.Space, d.Name, d.Size, ContentType(d.Name), d.Revision, d.Author, d.Updated, versions);

    private static ProblemHttpResult NotFound(string id) => ApiExceptionFilter.Problem(StatusCodes.Status404NotFound, "Document not found", $"Document '{id}' does not exist");
}
