using System.Text;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.Pages;

/// <summary>The catalog applies each commit's changes to its previous file list; the result must equal a fresh listing.</summary>
public class IncrementalCatalogTests : IDisposable
{
    private readonly TempWiki _wiki = new();

    [Fact]
    public void AfterEveryKindOfChangeTheCatalogEqualsOneBuiltFromScratch()
    {
        _ = _wiki.Catalog.Current;
        var steps = new List<CommitRequest>
        {
            Put("handboek/nieuw.md", "---\ntitle: Nieuw\ntags: [a]\n---\nTekst"),
            Put("handboek/nieuw.md", "---\ntitle: Nieuw en beter\n---\nTekst"),
            new([new MoveFile("handboek/nieuw.md", "kennisbank/verhuisd.md")], Alice, "move"),
            Put("project-atlas/_tasks/0/ATL-90.md", "---\ntitle: Taak\nstatus: doing\n---\n"),
            Put("project-atlas/_tasks/ATL-91.md", "---\ntitle: Met de hand\n---\n"),
            new([new MoveFile("project-atlas/_tasks/0/ATL-90.md", "project-atlas/_tasks/_deleted/ATL-90.md")], Alice, "delete task"),
            Put("project-atlas/_documents/plan.txt", "Plan"),
            Put("nieuwe-ruimte/_space.yml", "name: Nieuwe ruimte\n"),
            new([new RemoveFile("kennisbank/verhuisd.md"), new RemoveFile("project-atlas/_documents/plan.txt")], Alice, "remove"),
        };

        foreach (var step in steps)
        {
            _wiki.Repository.Commit(step);
            var incremental = _wiki.Catalog.Current;
            var fresh = new ContentCatalog(_wiki.Repository).Current;

            Assert.Equal(fresh.Commit, incremental.Commit);
            Assert.Equal(Describe(fresh), Describe(incremental));
        }

        var final = _wiki.Catalog.Current;
        Assert.Equal(91, final.HighestTaskNumber("project-atlas"));
        Assert.Equal("project-atlas/_tasks/ATL-91.md", final.FindTask("ATL-91")!.FilePath);
        Assert.Null(final.FindTask("ATL-90"));
        Assert.NotNull(final.FindSpace("nieuwe-ruimte"));
    }

    private static CommitRequest Put(string path, string text) => new([new PutFile(path, Encoding.UTF8.GetBytes(text))], Alice, "put " + path);

    private static string Describe(ContentSnapshot s) => string.Join("\n",
        s.Pages.Select(p => $"page {p.Path.Value} {p.Title} {p.BlobId} {string.Join(',', p.Tags)}")
            .Concat(s.Tasks.Select(t => $"task {t.Key} {t.Title} {t.Status} {t.FilePath} {t.BlobId}"))
            .Concat(s.Spaces.Select(sp => $"space {sp.Key} {sp.Name} {s.HighestTaskNumber(sp.Key)}"))
            .Concat(s.Spaces.SelectMany(sp => s.DocumentsIn(sp.Key)).Select(d => $"doc {d.Path} {d.BlobId}"))
            .Order(StringComparer.Ordinal));

    public void Dispose() => _wiki.Dispose();
}
