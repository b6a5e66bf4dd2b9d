using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Spaces;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Tests.Markup;

/// <summary>
/// A small catalog with an internal space (handboek, kennisbank) and a private one (geheim), and the
/// readers that matter: a member of geheim, and staff outside it.
/// </summary>
internal sealed class ReaderCatalog : IContentCatalog
{
    public static readonly ReadableSpaces Member = ReadableSpaces.Only(["handboek", "kennisbank", "geheim"]);
    public static readonly ReadableSpaces Outsider = ReadableSpaces.Only(["handboek", "kennisbank"]);

    public ReaderCatalog(bool withSecretSpace = true)
    {
        var pages = new List<PageSummary>
        {
            Page("handboek/welkom", "Welkom"),
            Page("kennisbank/overleg", "Overleg"),
            Page("kennisbank/dubbel", "Dubbel"),
        };
        var spaces = new List<SpaceInfo> { new("handboek", "Handboek", ""), new("kennisbank", "Kennisbank", "") };
        if (withSecretSpace)
        {
            pages.Add(Page("geheim/plan", "Het geheime plan"));
            pages.Add(Page("geheim/dubbel", "Dubbel"));
            pages.Add(Page("geheim/alleen-hier", "Alleen hier"));
            spaces.Add(new SpaceInfo("geheim", "Geheim project", "") { Visibility = SpaceVisibility.Private });
        }

        Current = new ContentSnapshot("c0ffee", pages, spaces);
    }

    public ContentSnapshot Current { get; }

    private static PageSummary Page(string path, string title) => new(PagePath.Parse(path), title, [], null, null, "blob-" + path);
}
