using System.Text;
using LibGit2Sharp;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Tests.Support;

namespace TeamWiki.Storage.Tests.Git;

/// <summary>
/// The trees written along the changed paths are byte for byte the ones LibGit2Sharp's
/// <c>TreeDefinition</c> writes for the same change (equal object ids are equal bytes), and git's own
/// fsck finds them well-formed: sorted in git's order, modes as git writes them.
/// </summary>
public sealed class TreeWriterTests : IDisposable
{
    private readonly TempWiki _wiki = new(seed: false);
    private readonly Repository _repo;
    private readonly TreeReader _reader;
    private readonly TreeWriter _writer;

    public TreeWriterTests()
    {
        _repo = new Repository(_wiki.GitDirectory);
        _reader = new TreeReader(_wiki.GitDirectory);
        _writer = new TreeWriter(new LooseObjectWriter(_wiki.GitDirectory), _reader);
    }

    /// <summary>Names that sort around a folder "a", which git orders as if it were "a/".</summary>
    private static readonly string[] AroundTheSlash = ["a-b", "a+", "a.b", "a/x", "a/y/z", "a0", "ab", "b", "A"];

    [Theory]
    [InlineData("a.a")]
    [InlineData("a.c")]
    [InlineData("a,")]
    [InlineData("a-")]
    [InlineData("a00")]
    [InlineData("a/w")]
    [InlineData("a/y/a")]
    [InlineData("aa")]
    [InlineData("0")]
    [InlineData("Z")]
    [InlineData("zz")]
    [InlineData("één.md")]
    public void InsertingAFileWritesTheTreeTreeDefinitionWrites(string path)
    {
        var parent = TreeOf(AroundTheSlash);
        AssertSameAsTreeDefinition(parent, (path, "nieuw"));
    }

    [Theory]
    [InlineData("a.b")]
    [InlineData("a/x")]
    [InlineData("a/y/z")]
    [InlineData("a0")]
    [InlineData("A")]
    public void ReplacingAFileWritesTheTreeTreeDefinitionWrites(string path) =>
        AssertSameAsTreeDefinition(TreeOf(AroundTheSlash), (path, "andere tekst"));

    [Theory]
    [InlineData("a.b")]
    [InlineData("a-b")]
    [InlineData("a/x")]
    [InlineData("b")]
    public void RemovingAFileWritesTheTreeTreeDefinitionWrites(string path) =>
        AssertSameAsTreeDefinition(TreeOf(AroundTheSlash), (path, null));

    [Fact]
    public void RemovingTheLastFileOfAFolderRemovesTheFolderAndEveryFolderLeftEmpty()
    {
        var parent = TreeOf("a.b", "diep/in/het/bos.md", "diep.md");

        var ours = AssertSameAsTreeDefinition(parent, ("diep/in/het/bos.md", null));

        var tree = _repo.Lookup<Tree>(ours);
        Assert.Equal(["a.b", "diep.md"], tree.Select(e => e.Name));
    }

    [Fact]
    public void RemovingTheFolderItsLastFileLeavesAFolderThatHasOtherFiles()
    {
        var parent = TreeOf("map/a.md", "map/sub/b.md");
        var ours = AssertSameAsTreeDefinition(parent, ("map/sub/b.md", null));
        Assert.Equal(["a.md"], _repo.Lookup<Tree>(ours)["map"].Target.Peel<Tree>().Select(e => e.Name));
    }

    [Fact]
    public void AFileInNewNestedFoldersCreatesEachFolder()
    {
        AssertSameAsTreeDefinition(TreeOf("a.md"), ("nieuw/diep/in/het/bos.md", "tekst"));
        AssertSameAsTreeDefinition(null, ("nieuw/diep/in/het/bos.md", "tekst"));
    }

    [Fact]
    public void SeveralChangesInOneTreeAreWrittenTogether()
    {
        AssertSameAsTreeDefinition(TreeOf(AroundTheSlash),
            ("a/x", null), ("a/w", "w"), ("a.b", "ander"), ("a-b", null), ("c/d/e", "nieuw"), ("a0", "nul"), ("ab", null));
    }

    [Fact]
    public void ManyFilesIntoAnEmptyRepositoryAsTheFirstImportDoes()
    {
        var files = Enumerable.Range(0, 500).Select(i => ($"ruimte-{i % 7}/map-{i % 13}/pagina-{i}.md", (string?)$"tekst {i}")).ToArray();
        AssertSameAsTreeDefinition(null, files);
    }

    [Fact]
    public void AFolderOfThousandsOfPagesIsChangedOneEntryAtATimeAsTreeDefinitionDoes()
    {
        var parent = _repo.Lookup<Tree>(AssertSameAsTreeDefinition(null,
            Enumerable.Range(0, 3000).Select(i => ($"groot/pagina-{i:0000}.md", (string?)$"tekst {i}")).ToArray()));
        Assert.True(_reader.Read(parent["groot"].Target.Id).Count == 3000 && TreeWriter.BigTree < 3000 * 40, "the folder must be a big tree");

        var inserted = _repo.Lookup<Tree>(AssertSameAsTreeDefinition(parent, ("groot/pagina-1500a.md", "nieuw")));
        var replaced = _repo.Lookup<Tree>(AssertSameAsTreeDefinition(inserted, ("groot/pagina-0000.md", "anders")));
        var removed = _repo.Lookup<Tree>(AssertSameAsTreeDefinition(replaced, ("groot/pagina-2999.md", null)));
        AssertSameAsTreeDefinition(removed, ("groot/sub/diep.md", "in een nieuwe map"), ("groot/pagina-1000.md", null));

        var signature = new Signature("Test", "test@example.org", DateTimeOffset.UnixEpoch);
        _repo.Refs.Add("refs/heads/main", _repo.ObjectDatabase.CreateCommit(signature, signature, "groot", removed, [], true).Id);
        FsckAssert.Clean(_wiki);
    }

    [Fact]
    public void TheTreeKeptForTheNextCommitIndexesTheBytesGitReadsBack()
    {
        var files = Enumerable.Range(0, 2000).Select(i => ($"groot/p-{i:0000}.md", (string?)$"tekst {i}")).Append(("groot/map/diep.md", "x"));
        var parent = _repo.Lookup<Tree>(AssertSameAsTreeDefinition(null, [.. files]));
        var changed = _repo.Lookup<Tree>(AssertSameAsTreeDefinition(parent,
            ("groot/p-0500a.md", "nieuw"), ("groot/p-1999.md", null), ("groot/p-0000.md", "anders"), ("groot/map/ondieper.md", "y")));
        var folder = changed["groot"].Target.Id;

        // The writer keeps what it wrote for the next commit; a reader of its own reads the object from disk.
        var kept = _reader.Read(folder);
        using var fresh = new TreeReader(_wiki.GitDirectory);
        var stored = fresh.Read(folder);

        Assert.True(kept.Content.Length >= TreeWriter.BigTree, "the folder must be a big tree, written stored");
        Assert.True(kept.Content.SequenceEqual(stored.Content));
        Assert.Equal(stored.Count, kept.Count);
        Assert.All(Enumerable.Range(0, stored.Count), i => Assert.Equal(stored.EntryAt(i), kept.EntryAt(i)));
        Assert.Equal(stored.Find("map"u8), kept.Find("map"u8));
        Assert.True(kept.IsFolder(kept.Find("map"u8)));
    }

    [Fact]
    public void AFileInTheWayOfANewFolderIsReplacedByTheFolder() =>
        AssertSameAsTreeDefinition(TreeOf("a", "a.b"), ("a/b", "tekst"));

    [Fact]
    public void AFileWhereAFolderWasReplacesTheFolder() =>
        AssertSameAsTreeDefinition(TreeOf("a/b", "a/c/d", "a.b", "a0"), ("a", "nu een bestand"));

    [Fact]
    public void RemovingWhatIsNotThereOrWritingWhatIsThereChangesNothing()
    {
        var parent = TreeOf(AroundTheSlash);
        Assert.Equal(parent.Id, AssertSameAsTreeDefinition(parent, ("bestaat/niet", null)));
        Assert.Equal(parent.Id, AssertSameAsTreeDefinition(parent, ("a.b/onder/een/bestand", null)));
        Assert.Equal(parent.Id, AssertSameAsTreeDefinition(parent, ("a/x", "a/x")));
    }

    [Fact]
    public void RemovingEverythingLeavesTheEmptyTree()
    {
        var ours = AssertSameAsTreeDefinition(TreeOf("a/b"), ("a/b", null));
        Assert.Equal("4b825dc642cb6eb9a060e54bf8d69288fbee4904", ours.Sha);
    }

    [Fact]
    public void APathInsideAnotherChangedPathIsRefused()
    {
        var edits = new Dictionary<string, TreeWriter.Entry?> { ["a"] = null, ["a/b"] = new(Mode.NonExecutableFile, Blob("x")) };
        Assert.Throws<ArgumentException>(() => _writer.Write(TreeOf("a/b").Id, edits));
        Assert.Throws<ArgumentException>(() => _writer.Write(null, new Dictionary<string, TreeWriter.Entry?> { ["a//b"] = null }));
    }

    [Fact]
    public void RandomChangesToAGrowingTreeMatchTreeDefinitionAndPassFsck()
    {
        var random = new Random(11);
        string[] names = ["a", "a.b", "a-b", "a0", "a b", "b", "é"];
        Tree? tree = null;
        for (var round = 0; round < 300; round++)
        {
            var edits = new List<(string, string?)>();
            for (var n = random.Next(1, 5); edits.Count < n;)
            {
                var path = string.Join("/", Enumerable.Range(0, random.Next(1, 4)).Select(_ => names[random.Next(names.Length)]));
                if (edits.All(e => e.Item1 != path && !e.Item1.StartsWith(path + "/", StringComparison.Ordinal) && !path.StartsWith(e.Item1 + "/", StringComparison.Ordinal)))
                {
                    edits.Add((path, random.Next(3) == 0 ? null : $"tekst {round}"));
                }
            }

            tree = _repo.Lookup<Tree>(AssertSameAsTreeDefinition(tree, [.. edits]));
            // Commit each tree, so that git's fsck checks every one of them as part of the history.
            var signature = new Signature("Test", "test@example.org", DateTimeOffset.UnixEpoch.AddDays(round));
            var parents = _repo.Refs["refs/heads/main"] is { } head ? new[] { _repo.Lookup<Commit>(head.TargetIdentifier) } : [];
            var commit = _repo.ObjectDatabase.CreateCommit(signature, signature, $"ronde {round}", tree, parents, true);
            _repo.Refs.Add("refs/heads/main", commit.Id, allowOverwrite: true);
        }

        FsckAssert.Clean(_wiki);
    }

    /// <summary>Applies the edits (null: remove) both ways and returns the tree id, which must be the same.</summary>
    private ObjectId AssertSameAsTreeDefinition(Tree? parent, params (string Path, string? Text)[] edits)
    {
        var entries = edits.ToDictionary(e => e.Path, e => e.Text is null ? null : (TreeWriter.Entry?)new TreeWriter.Entry(Mode.NonExecutableFile, Blob(e.Text)), StringComparer.Ordinal);
        var ours = _writer.Write(parent?.Id, entries);

        var definition = parent is null ? new TreeDefinition() : TreeDefinition.From(parent);
        foreach (var (path, entry) in entries)
        {
            if (entry is { } e)
            {
                definition.Add(path, _repo.Lookup<Blob>(e.Id), e.Mode);
            }
            else
            {
                definition.Remove(path);
            }
        }

        var theirs = _repo.ObjectDatabase.CreateTree(definition).Id;
        Assert.Equal(theirs, ours);
        return ours;
    }

    private Tree TreeOf(params string[] files)
    {
        var definition = new TreeDefinition();
        foreach (var file in files)
        {
            definition.Add(file, _repo.Lookup<Blob>(Blob(file)), Mode.NonExecutableFile);
        }

        return _repo.ObjectDatabase.CreateTree(definition);
    }

    private ObjectId Blob(string text) => _repo.ObjectDatabase.Write<Blob>(Encoding.UTF8.GetBytes(text));

    public void Dispose()
    {
        _reader.Dispose();
        _repo.Dispose();
        _wiki.Dispose();
    }
}
