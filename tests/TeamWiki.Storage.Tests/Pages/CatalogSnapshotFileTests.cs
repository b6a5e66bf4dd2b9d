using System.Text;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.Pages;

/// <summary>
/// The catalog kept on disk (<c>cache/catalog.bin</c>) is derived data: a restart that reads it must end
/// with exactly the catalog a listing of the tree gives, and a file it cannot trust (another history,
/// damaged, cut short) must be ignored, not believed.
/// </summary>
public class CatalogSnapshotFileTests : IDisposable
{
    private static readonly string[] Spaces = ["boom", "vlak"];
    private readonly TempWiki _wiki = new(seed: true, spaces: Spaces);
    private readonly Random _random = new(20261207);

    private string File => Path.Combine(_wiki.Root, "cache", "catalog.bin");

    [Fact]
    public void ACatalogReadFromItsFileEqualsOneBuiltFromTheTreeAfterMovesAndDeletes()
    {
        var kept = new ContentCatalog(_wiki.Repository, File);
        for (var round = 0; round < 6; round++)
        {
            ChangeSomething(round);
            _ = kept.Current;
            kept.Save();

            var restarted = new ContentCatalog(_wiki.Repository, File);
            var loaded = restarted.Current;

            Assert.Equal(_wiki.Repository.Head, restarted.StartedFrom);
            Assert.Equal(Describe(Fresh()), Describe(loaded));
        }
    }

    [Fact]
    public void AFileOfAnOlderCommitIsTheStartAndTheCommitsSinceAreApplied()
    {
        var kept = new ContentCatalog(_wiki.Repository, File);
        _ = kept.Current;
        kept.Save();
        var written = _wiki.Repository.Head;
        for (var round = 0; round < 4; round++)
        {
            ChangeSomething(round);
        }

        var restarted = new ContentCatalog(_wiki.Repository, File);
        var loaded = restarted.Current;

        Assert.Equal(written, restarted.StartedFrom);
        Assert.Equal(_wiki.Repository.Head, loaded.Commit);
        Assert.Equal(Describe(Fresh()), Describe(loaded));
    }

    [Fact]
    public void AFileOfACommitThatIsNotOnTheBranchIsIgnored()
    {
        // Another wiki's catalog, with a page this one does not have, stands for a history rewritten from outside.
        using (var other = new TempWiki(seed: true, spaces: Spaces))
        {
            other.Pages.Save(new PageSave(P("boom/spook"), "---\ntitle: Spook\n---\n", Alice));
            var theirs = new ContentCatalog(other.Repository, File);
            _ = theirs.Current;
            theirs.Save();
        }

        _wiki.Pages.Save(new PageSave(P("boom/echt"), "---\ntitle: Echt\n---\n", Alice));
        var catalog = new ContentCatalog(_wiki.Repository, File);
        var loaded = catalog.Current;

        Assert.Null(catalog.StartedFrom);
        Assert.Null(loaded.Find(P("boom/spook")));
        Assert.Equal("Echt", loaded.Find(P("boom/echt"))!.Title);
        Assert.Equal(Describe(Fresh()), Describe(loaded));
    }

    [Theory]
    [InlineData("a byte changed in the middle")]
    [InlineData("cut short")]
    [InlineData("the parse cache of an earlier version")]
    public void ADamagedFileIsIgnored(string damage)
    {
        ChangeSomething(0);
        var kept = new ContentCatalog(_wiki.Repository, File);
        var before = Describe(kept.Current);
        kept.Save();
        var bytes = System.IO.File.ReadAllBytes(File);
        bytes = damage switch
        {
            "a byte changed in the middle" => Flip(bytes, bytes.Length / 2),
            "cut short" => bytes[..(bytes.Length * 2 / 3)],
            _ => [1, 0, 0, 0, 255, 255, 255, 127, 9, 9],
        };
        System.IO.File.WriteAllBytes(File, bytes);

        var catalog = new ContentCatalog(_wiki.Repository, File);
        var loaded = catalog.Current;

        Assert.Null(catalog.StartedFrom);
        Assert.Equal(before, Describe(loaded));
    }

    [Theory]
    [InlineData("more files than there are bytes")]
    [InlineData("a negative number of files")]
    [InlineData("more tags than there are bytes")]
    public void AFileWithAForgedCountIsDiscardedAndTheCatalogRebuiltFromGit(string forgery)
    {
        ChangeSomething(0);
        var before = Describe(Fresh());
        // A file with a right header and hash (anyone who can write the data folder can make one), whose
        // counts ask for arrays far larger than the file.
        Directory.CreateDirectory(Path.GetDirectoryName(File)!);
        System.IO.File.WriteAllBytes(File, Forged(_wiki.Repository.Head!, forgery));

        var catalog = new ContentCatalog(_wiki.Repository, File);
        var loaded = catalog.Current;

        Assert.Null(catalog.StartedFrom);
        Assert.Equal(before, Describe(loaded));

        // Written again from git, the file is one a restart can start from.
        catalog.Save();
        var restarted = new ContentCatalog(_wiki.Repository, File);
        Assert.Equal(before, Describe(restarted.Current));
        Assert.Equal(_wiki.Repository.Head, restarted.StartedFrom);
    }

    /// <summary>A catalog file in the current format with a valid SHA-256 and the forged count.</summary>
    private static byte[] Forged(string commit, string forgery)
    {
        var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(commit);
            switch (forgery)
            {
                case "more files than there are bytes":
                    writer.Write(int.MaxValue);
                    break;
                case "a negative number of files":
                    writer.Write(-5);
                    break;
                default:
                    writer.Write(0); // no files besides pages
                    writer.Write(1); // one space's block of pages
                    writer.Write("boom");
                    writer.Write(1);
                    writer.Write(0L);
                    var row = new MemoryStream();
                    using (var rowWriter = new BinaryWriter(row, Encoding.UTF8, leaveOpen: true))
                    {
                        rowWriter.Write("boom/pagina.md");
                        rowWriter.Write((byte)20);
                        rowWriter.Write(new byte[20]);
                        rowWriter.Write(new byte[4]); // title, heading, description and language absent
                        rowWriter.Write(int.MaxValue);
                    }

                    writer.Write((int)row.Length);
                    writer.Write(row.ToArray());
                    break;
            }
        }

        var body = payload.ToArray();
        return [.. BitConverter.GetBytes(0x53435754), .. BitConverter.GetBytes(4), .. System.Security.Cryptography.SHA256.HashData(body), .. body];
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        bytes[at] ^= 0x20;
        return bytes;
    }

    private ContentSnapshot Fresh() => new ContentCatalog(_wiki.Repository).Current;

    /// <summary>Saves, moves (a page with sub-pages too), deletes, tasks (also deleted ones), documents and space settings.</summary>
    private void ChangeSomething(int round)
    {
        var name = $"boom/ouder-{round}";
        _wiki.Pages.Save(new PageSave(P(name), $"---\ntitle: Ouder {round}\ntags: [r{round}]\n---\n", Alice));
        _wiki.Pages.Save(new PageSave(P(name + "/kind"), "# Kind met kop\n", Bob));
        _wiki.Pages.Save(new PageSave(P($"vlak/leeg-{round}"), "", Alice));
        var pages = _wiki.Catalog.Current.Pages.Where(p => p.Path.Space is "boom" or "vlak" or "handboek").ToList();
        _wiki.Pages.Move(pages[_random.Next(pages.Count)].Path, P($"vlak/verhuisd-{round}"), Alice);
        pages = _wiki.Catalog.Current.Pages.Where(p => p.Path.Space is "boom" or "vlak" or "handboek").ToList();
        _wiki.Pages.Delete(pages[_random.Next(pages.Count)].Path, Bob);
        _wiki.Repository.Commit(new CommitRequest(
        [
            new PutFile($"boom/_tasks/0/BO-{round + 1}.md", Encoding.UTF8.GetBytes($"---\ntitle: Taak {round}\n---\n")),
            new PutFile($"vlak/_documents/doc{round}.txt", Encoding.UTF8.GetBytes($"document {round}")),
            new PutFile("vlak/_space.yml", Encoding.UTF8.GetBytes($"name: Vlak {round}\n")),
        ], Alice, "tasks, documents and settings"));
        if (round > 0)
        {
            _wiki.Repository.Commit(new CommitRequest(
                [new MoveFile($"boom/_tasks/0/BO-{round}.md", $"boom/_tasks/_deleted/BO-{round}.md"), new RemoveFile($"vlak/_documents/doc{round - 1}.txt")],
                Alice, "delete a task and a document"));
        }
    }

    private static string DescribeTree(IReadOnlyList<PageTreeNode> nodes, string indent = "") =>
        string.Concat(nodes.Select(n => $"{indent}{n.Path} {n.Title} {n.Exists}\n{DescribeTree(n.Children, indent + "  ")}"));

    private static string Describe(ContentSnapshot s) => string.Join("\n",
        s.Pages.Select(p => $"page {p.Path.Value} {p.Title} {p.BlobId} {string.Join(',', p.Tags)} {p.Description} {p.Language} byTitle={string.Join(',', s.FindAllByTitle(p.Title).Select(t => t.Path.Value))}")
            .Concat(s.Tasks.Select(t => $"task {t.Key} {t.Title} {t.Status} {t.FilePath} {t.BlobId}"))
            .Concat(s.Spaces.Select(sp => $"space {sp.Key} {sp.Name} {sp.TaskPrefix} {s.HighestTaskNumber(sp.Key)} {s.PageCount(sp.Key)} tasks={string.Join(',', s.TasksIn(sp.Key).Select(t => t.Key))}"))
            .Concat(s.Spaces.SelectMany(sp => s.DocumentsIn(sp.Key)).Select(d => $"doc {d.Path} {d.BlobId}"))
            .Concat(s.Spaces.Select(sp => "tree " + sp.Key + "\n" + DescribeTree(s.Tree(sp.Key))))
            .Order(StringComparer.Ordinal)
            .Append($"spaces in order {string.Join(',', s.Spaces.Select(sp => sp.Key))}")
            .Append($"path set {s.PathSetVersion} {s.Pages.Count} {s.Commit}"));

    public void Dispose() => _wiki.Dispose();
}
