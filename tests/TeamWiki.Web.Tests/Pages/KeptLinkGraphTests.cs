using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using TeamWiki.Storage;
using TeamWiki.Storage.Changes;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Spaces;
using TeamWiki.Web.Markup;
using TeamWiki.Web.Pages.Links;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Pages;

/// <summary>
/// The link graph kept on disk (<c>cache/links.bin</c>): a restart starts from it instead of parsing every page,
/// and after the commits made since it was written it answers exactly as a graph built from the catalog.
/// </summary>
public sealed class KeptLinkGraphTests : IDisposable
{
    private static readonly ContentAuthor Author = new("Test", "test@example.org");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "teamwiki-links-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;
    private readonly GitContentRepository _repository;
    private readonly IContentCatalog _catalog;
    private readonly IChangeFeed _feed;
    private readonly IPageStore _pages;
    private readonly MarkdownRenderer _renderer = new();

    public KeptLinkGraphTests()
    {
        // The storage as the app registers it, without the hosted services: only the pieces the graph reads.
        _services = new ServiceCollection().AddLogging().AddTeamWikiStorage(DataFolder.Prepare(_folder)).BuildServiceProvider();
        _repository = _services.GetRequiredService<GitContentRepository>();
        _catalog = _services.GetRequiredService<IContentCatalog>();
        _feed = _services.GetRequiredService<IChangeFeed>();
        _pages = _services.GetRequiredService<IPageStore>();
        var spaces = _services.GetRequiredService<SpaceStore>();
        spaces.Create(new SpaceInfo("handboek", "Handboek", ""), Author);
        spaces.Create(new SpaceInfo("project", "Project", ""), Author);
    }

    private string KeptFile => Path.Combine(_folder, "cache", "links.bin");

    [Fact]
    public void ARestartFromAnOlderKeptGraphAnswersAsAGraphBuiltFromTheCatalog()
    {
        Save("handboek/doel", "---\ntitle: Koffie-overleg\n---\n\nHet doel.");
        Save("handboek/op-pad", "Zie [[handboek/doel]].");
        Save("handboek/op-titel", "Zie [[koffie-overleg|het overleg]].");
        Save("project/buur", "Ook [[handboek/doel]] en [[Onbekend]].");
        var first = Graph(KeptFile);
        Assert.NotEmpty(first.Candidates(PagePath.Parse("handboek/doel"), "Koffie-overleg"));
        first.SaveNow();
        var keptAt = first.Position;

        // After the file was written: a new link, a page deleted, a page moved to another space, a link removed.
        Save("project/nieuw", "Naar [[handboek/doel]].");
        _pages.Delete(PagePath.Parse("handboek/op-pad"), Author);
        _pages.Move(PagePath.Parse("handboek/op-titel"), PagePath.Parse("project/op-titel"), Author);
        Save("project/buur", "Geen links meer.");

        var restarted = Graph(KeptFile);
        var fresh = Graph(null);
        foreach (var (target, title) in new[] { ("handboek/doel", "Koffie-overleg"), ("project/onbekend", "Onbekend"), ("handboek/op-pad", "Op pad") })
        {
            Assert.Equal(Sources(fresh, target, title), Sources(restarted, target, title));
        }

        Assert.Equal(keptAt, restarted.StartedFrom);
        Assert.Equal(["project/nieuw", "project/op-titel"], Sources(restarted, "handboek/doel", "Koffie-overleg"));
        Assert.Equal(_feed.Head, restarted.Position);
    }

    [Fact]
    public void ADamagedKeptGraphIsIgnoredAndTheGraphBuiltFromTheCatalog()
    {
        Save("handboek/doel", "Het doel.");
        Save("handboek/bron", "Zie [[handboek/doel]].");
        var first = Graph(KeptFile);
        first.CatchUpNow();
        first.SaveNow();
        var bytes = File.ReadAllBytes(KeptFile);
        bytes[^1] ^= 0x5A;
        File.WriteAllBytes(KeptFile, bytes);

        var restarted = Graph(KeptFile);

        Assert.Equal(["handboek/bron"], Sources(restarted, "handboek/doel", "Doel"));
        Assert.Null(restarted.StartedFrom);
    }

    [Fact]
    public void AKeptGraphOfACommitNotOnTheBranchIsIgnored()
    {
        Save("handboek/doel", "Het doel.");
        Save("handboek/bron", "Zie [[handboek/doel]].");
        LinkGraphFile.Write(KeptFile, new string('a', 40), [new("handboek/spook", ["handboek/doel"])]);

        var restarted = Graph(KeptFile);

        Assert.Equal(["handboek/bron"], Sources(restarted, "handboek/doel", "Doel"));
        Assert.Null(restarted.StartedFrom);
    }

    public void Dispose()
    {
        _services.Dispose();
        TempFolders.Delete(_folder);
    }

    private LinkGraph Graph(string? kept) => new(_feed, _catalog, _repository, _renderer, NullLogger.Instance, kept);

    private static List<string> Sources(LinkGraph graph, string target, string title) =>
        graph.Candidates(PagePath.Parse(target), title).Select(c => c.Source.Value).Order(StringComparer.Ordinal).ToList();

    private void Save(string path, string markdown) => _pages.Save(new PageSave(PagePath.Parse(path), markdown, Author));
}
