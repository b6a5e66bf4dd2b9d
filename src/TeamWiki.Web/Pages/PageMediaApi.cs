using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TeamWiki.Storage.Documents;
using TeamWiki.Storage.Media;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Api;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Pages;

/// <summary>A file stored beside a page: its name there, the link to write in the page and the address it is served at.</summary>
public sealed record PageMediaResponse(string Name, string Link, string Url, bool Image, bool Created);

/// <summary>
/// <c>POST /api/pages/{path}/media</c> with multipart form data (<c>files</c>): stores images and other files
/// in the page's <c>_media</c> folder, as the editor does when someone pastes or drops them. The page need not
/// exist yet: its folder is known from its address. Who may change the page may add its files; everything is
/// refused before anything is written. Reached through <see cref="PagesApi"/>'s catch-all route.
/// </summary>
internal static class PageMediaApi
{
    private static readonly HashSet<string> Images = ["png", "jpg", "jpeg", "gif", "webp", "avif", "svg"];

    public static async Task<Results<Created<List<PageMediaResponse>>, ProblemHttpResult>> UploadAsync(PagePath page, HttpContext http, PageMedia media,
        SpaceAccess access, IContentCatalog catalog, ClaimsPrincipal user, IOptions<TeamWikiOptions> options)
    {
        if (PagesApi.WriteInExistingSpace(access, user, page, catalog) is { } denied)
        {
            return denied;
        }

        // The catch-all POST route has no size of its own: this command takes files up to the upload limit
        // (plus room for the form), and a larger body is cut off before it is read.
        var limit = options.Value.MaxUploadBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + 1024 * 1024;
        }

        if (!http.Request.HasFormContentType)
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported body", "Send the files as multipart/form-data (field \"files\")");
        }

        var form = await RequestBody.ReadFormAsync(http.Request);
        if (form.Files.Count == 0)
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "No files", "The form holds no files");
        }

        // Refused on the declared length before a byte is copied; the store checks the bytes again.
        if (form.Files.FirstOrDefault(f => f.Length > limit) is { } tooLarge)
        {
            throw new MediaTooLargeException(tooLarge.FileName, tooLarge.Length, limit);
        }

        var uploads = new List<DocumentUpload>();
        foreach (var file in form.Files)
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, http.RequestAborted);
            uploads.Add(new DocumentUpload(file.FileName, buffer.ToArray()));
        }

        var stored = media.Store(page, uploads, user.ToAuthor());
        return TypedResults.Created($"/files/{stored[0].Path}",
            stored.Select(s => new PageMediaResponse(s.Name, s.Link, "/files/" + s.Path, Images.Contains(DocumentTypes.Extension(s.Name)), s.Created)).ToList());
    }
}
