using TeamWiki.Storage.Pages;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Markup;

/// <summary>
/// Resolves through <see cref="CatalogLinkResolver"/> and remembers each answer, so a cached render can
/// later be checked against a newer snapshot: a render stays valid exactly as long as each of its wiki
/// links still resolves to the same page, title and existence for the same reader. That check costs the
/// page's own links, where a key on the whole wiki's set of paths threw away every render whenever any
/// page was added or removed.
/// </summary>
public sealed class RecordingLinkResolver(ContentSnapshot snapshot, ReadableSpaces reader) : IWikiLinkResolver
{
    private readonly CatalogLinkResolver _inner = new(snapshot, reader);
    private readonly List<ResolvedLink> _links = [];

    /// <summary>What was asked and answered, in order.</summary>
    public IReadOnlyList<ResolvedLink> Links => _links;

    /// <inheritdoc />
    public WikiLinkTarget Resolve(string target, string currentSpace)
    {
        var resolved = _inner.Resolve(target, currentSpace);
        _links.Add(new ResolvedLink(target, currentSpace, resolved));
        return resolved;
    }

    /// <summary>True when every link in <paramref name="links"/> resolves the same in <paramref name="snapshot"/> for <paramref name="reader"/>.</summary>
    public static bool StillResolves(IReadOnlyList<ResolvedLink> links, ContentSnapshot snapshot, ReadableSpaces reader)
    {
        var resolver = new CatalogLinkResolver(snapshot, reader);
        foreach (var link in links)
        {
            if (resolver.Resolve(link.Target, link.CurrentSpace) != link.Result)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>One wiki link as it was resolved.</summary>
public sealed record ResolvedLink(string Target, string CurrentSpace, WikiLinkTarget Result);
