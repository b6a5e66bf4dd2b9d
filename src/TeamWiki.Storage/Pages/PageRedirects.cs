using System.Collections.Concurrent;
using TeamWiki.Storage.Git;

namespace TeamWiki.Storage.Pages;

/// <summary>
/// Where an old page address leads now, read from the spaces' <see cref="RedirectFile"/>s at the tip.
/// A page that exists at an address always wins over a redirect from it.
/// </summary>
public sealed class PageRedirects(GitContentRepository repository, IContentCatalog catalog)
{
    /// <summary>Most hops followed; a longer chain (or a loop made by hand) leads nowhere.</summary>
    public const int MaxHops = 10;

    // Parsed files by blob id: the id names the exact text, so an entry is never stale.
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<PagePath, PagePath>> _parsed = new(StringComparer.Ordinal);

    /// <summary>The existing page <paramref name="path"/> leads to through redirects, or null (a page exists there, or none is reached).</summary>
    public PagePath? Resolve(PagePath path)
    {
        var snapshot = catalog.Current;
        if (snapshot.Find(path) is not null)
        {
            return null;
        }

        var current = path;
        for (var hop = 0; hop < MaxHops; hop++)
        {
            if (!Of(current.Space).TryGetValue(current, out var next))
            {
                return null;
            }

            if (snapshot.Find(next) is not null)
            {
                return next;
            }

            current = next;
        }

        return null;
    }

    /// <summary>The redirects of a space at the tip.</summary>
    public IReadOnlyDictionary<PagePath, PagePath> Of(string space)
    {
        if (repository.BlobIdOf(RedirectFile.PathOf(space)) is not { } blob)
        {
            return new Dictionary<PagePath, PagePath>();
        }

        if (_parsed.TryGetValue(blob, out var known))
        {
            return known;
        }

        if (_parsed.Count > 256)
        {
            _parsed.Clear();
        }

        var bytes = repository.ReadBlob(blob);
        return _parsed[blob] = RedirectFile.Parse(bytes is null ? null : System.Text.Encoding.UTF8.GetString(bytes));
    }
}
