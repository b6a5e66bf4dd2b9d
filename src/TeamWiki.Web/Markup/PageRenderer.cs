using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using TeamWiki.Storage.Pages;

namespace TeamWiki.Web.Markup;

/// <summary>
/// Renders pages for viewing, cached. A git blob id names the exact text, so the cache key is the blob
/// id plus the catalog's path-set version (which pages exist decides how wiki links look): editing one
/// page never invalidates another, adding or removing a page does.
/// </summary>
public sealed class PageRenderer(MarkdownRenderer renderer, IContentCatalog catalog, IMemoryCache cache)
{
    private static readonly MemoryCacheEntryOptions EntryOptions = new() { SlidingExpiration = TimeSpan.FromMinutes(30), Size = 1 };

    /// <summary>The rendered body of a page.</summary>
    public RenderedMarkdown Render(WikiPage page)
    {
        var snapshot = catalog.Current;
        var key = (page.BlobId, page.Path.Value, snapshot.PathSetVersion);
        if (cache.TryGetValue(key, out RenderedMarkdown? cached) && cached is not null)
        {
            return cached;
        }

        var rendered = renderer.Render(page.Body, page.Path.Value, new CatalogLinkResolver(snapshot));
        cache.Set(key, rendered, EntryOptions);
        return rendered;
    }

    /// <summary>
    /// Renders stored Markdown that is not a page (a task's description), cached by its blob id;
    /// <paramref name="contextPath"/> is the space-relative path links resolve against.
    /// </summary>
    public RenderedMarkdown RenderStored(string blobId, string markdown, string contextPath)
    {
        var snapshot = catalog.Current;
        var key = (blobId, contextPath, snapshot.PathSetVersion);
        if (blobId.Length > 0 && cache.TryGetValue(key, out RenderedMarkdown? cached) && cached is not null)
        {
            return cached;
        }

        var rendered = renderer.Render(markdown, contextPath, new CatalogLinkResolver(snapshot));
        if (blobId.Length > 0)
        {
            cache.Set(key, rendered, EntryOptions);
        }

        return rendered;
    }

    /// <summary>
    /// Renders text that is not saved yet (the editor's preview), cached by a hash of the text: the
    /// preview is asked for at every pause in typing, and moving the cursor or undoing a change asks for
    /// text it has rendered before. Short-lived entries; the same keying by path-set version as pages.
    /// </summary>
    public RenderedMarkdown Preview(string markdown, PagePath path)
    {
        var snapshot = catalog.Current;
        var key = ("preview", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(markdown))), path.Value, snapshot.PathSetVersion);
        if (cache.TryGetValue(key, out RenderedMarkdown? cached) && cached is not null)
        {
            return cached;
        }

        var (_, body) = FrontMatter.Split(markdown);
        var rendered = renderer.Render(body, path.Value, new CatalogLinkResolver(snapshot));
        cache.Set(key, rendered, PreviewEntryOptions);
        return rendered;
    }

    private static readonly MemoryCacheEntryOptions PreviewEntryOptions = new() { SlidingExpiration = TimeSpan.FromMinutes(5), Size = 1 };
}
