using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Markup;

/// <summary>
/// Renders pages for viewing, cached, with wiki links resolved for the reader (see
/// <see cref="CatalogLinkResolver"/>). A git blob id names the exact text, so the cache key is the blob
/// id; a render with wiki links also keeps how each link resolved and is reused while they all still
/// resolve the same (<see cref="RecordingLinkResolver"/>): no change elsewhere in the wiki flushes it,
/// and a link whose target appeared, went or was renamed is rendered again.
/// </summary>
/// <remarks>
/// Text without wiki links looks the same to everyone and is cached once. Text with wiki links is cached
/// per set of readable spaces: readers who may read the same spaces share a render, and nobody ever gets
/// a render made for a set other than their own. Most staff share one set, so a page is typically
/// rendered a handful of times, not once per reader.
/// </remarks>
public sealed class PageRenderer(MarkdownRenderer renderer, IContentCatalog catalog, IMemoryCache cache)
{
    private static readonly MemoryCacheEntryOptions EntryOptions = new() { SlidingExpiration = TimeSpan.FromMinutes(30), Size = 1 };
    private static readonly MemoryCacheEntryOptions PreviewEntryOptions = new() { SlidingExpiration = TimeSpan.FromMinutes(5), Size = 1 };

    /// <summary>The rendered body of a page as <paramref name="reader"/> may see it.</summary>
    public RenderedMarkdown Render(WikiPage page, ReadableSpaces reader) =>
        Cached(page.BlobId, page.Body, page.Path.Value, reader);

    /// <summary>
    /// Renders stored Markdown that is not a page (a task's description), cached by its blob id (an
    /// empty id: not cached); <paramref name="contextPath"/> is the space-relative path links resolve against.
    /// </summary>
    public RenderedMarkdown RenderStored(string blobId, string markdown, string contextPath, ReadableSpaces reader) =>
        blobId.Length > 0
            ? Cached(blobId, markdown, contextPath, reader)
            : renderer.Render(markdown, contextPath, new CatalogLinkResolver(catalog.Current, reader));

    /// <summary>
    /// Renders text that is not saved yet (the editor's preview) for <paramref name="reader"/>, cached by a
    /// hash of the text: the preview is asked for at every pause in typing, and moving the cursor or undoing
    /// a change asks for text it has rendered before. Short-lived entries, keyed like pages (path-set
    /// version, the reader's readable spaces), so no reader gets links bound for another.
    /// </summary>
    public RenderedMarkdown Preview(string markdown, PagePath path, ReadableSpaces reader)
    {
        var snapshot = catalog.Current;
        var key = ("preview", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(markdown))), path.Value, snapshot.PathSetVersion, reader.CacheKey);
        if (cache.TryGetValue(key, out RenderedMarkdown? cached) && cached is not null)
        {
            return cached;
        }

        var (_, body) = FrontMatter.Split(markdown);
        var rendered = renderer.Render(body, path.Value, new CatalogLinkResolver(snapshot, reader));
        cache.Set(key, rendered, PreviewEntryOptions);
        return rendered;
    }

    private RenderedMarkdown Cached(string blobId, string markdown, string contextPath, ReadableSpaces reader)
    {
        // Without wiki links the HTML depends on the text alone (the blob id names it): one render for everyone, for good.
        var forEveryone = (blobId, contextPath, "");
        if (cache.TryGetValue(forEveryone, out CachedRender? shared) && shared is not null)
        {
            return shared.Rendered;
        }

        // With wiki links it depends on the reader's spaces and on what the links find now: checked link by
        // link against the current snapshot, so adding a page elsewhere does not throw this render away.
        var snapshot = catalog.Current;
        var forReader = (blobId, contextPath, reader.CacheKey);
        if (cache.TryGetValue(forReader, out CachedRender? own) && own is not null)
        {
            if (ReferenceEquals(own.Snapshot, snapshot))
            {
                return own.Rendered;
            }

            if (RecordingLinkResolver.StillResolves(own.Links, snapshot, reader))
            {
                // Checked once per snapshot, not once per view.
                cache.Set(forReader, own with { Snapshot = snapshot }, EntryOptions);
                return own.Rendered;
            }
        }

        var links = new RecordingLinkResolver(snapshot, reader);
        var rendered = renderer.Render(markdown, contextPath, links);
        cache.Set(rendered.DependsOnReader ? forReader : forEveryone, new CachedRender(rendered, links.Links, snapshot), EntryOptions);
        return rendered;
    }

    /// <summary>A render with the wiki links it resolved, and the snapshot it was checked against last.</summary>
    private sealed record CachedRender(RenderedMarkdown Rendered, IReadOnlyList<ResolvedLink> Links, ContentSnapshot Snapshot);
}
