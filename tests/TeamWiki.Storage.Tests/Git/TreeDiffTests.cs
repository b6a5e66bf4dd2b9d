using System.Text;
using LibGit2Sharp;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Tests.Support;

namespace TeamWiki.Storage.Tests.Git;

/// <summary>
/// The tree diff that reads only changed folders finds exactly the file changes libgit2's full diff
/// finds, in the same order: over a few hundred random changes to a tree of nested folders (files
/// added, changed, removed, made executable, a file becoming a folder and back, whole folders removed).
/// </summary>
public sealed class TreeDiffTests : IDisposable
{
    private static readonly CompareOptions NoRenames = new() { Similarity = SimilarityOptions.None };

    private readonly TempWiki _wiki = new(seed: false);
    private readonly Repository _repo;
    private readonly TreeReader _trees;
    private readonly Dictionary<string, Blob> _blobs = new(StringComparer.Ordinal);

    public TreeDiffTests()
    {
        _repo = new Repository(_wiki.GitDirectory);
        _trees = new TreeReader(_wiki.GitDirectory);
    }

    [Fact]
    public void FindsTheFileChangesLibgit2FindsInEveryRandomStep()
    {
        var random = new Random(2026);
        var files = new Dictionary<string, (string Text, Mode Mode)>(StringComparer.Ordinal);
        for (var i = 0; i < 300; i++)
        {
            files[RandomPath(random)] = ($"tekst {i}", Mode.NonExecutableFile);
        }

        var previous = Write(files);
        for (var step = 0; step < 300; step++)
        {
            Change(files, random, step);
            var next = Write(files);
            using var expected = _repo.Diff.Compare<TreeChanges>(previous, next, NoRenames);
            var want = expected.Where(c => c.Mode is not (Mode.Directory or Mode.GitLink) && c.OldMode is not (Mode.Directory or Mode.GitLink))
                .Select(c => $"{c.Status} {c.Path} {c.OldOid.Sha[..7]}→{c.Oid.Sha[..7]}").ToList();
            var got = TreeDiff.Files(_trees.Read, previous.Id, next.Id).Select(c => $"{c.Status} {c.Path} {c.OldOid.Sha[..7]}→{c.Oid.Sha[..7]}").ToList();
            Assert.Equal(want, got);
            previous = next;
        }
    }

    [Fact]
    public void FromNothingEveryFileIsAdded()
    {
        var files = new Dictionary<string, (string, Mode)>(StringComparer.Ordinal)
        {
            ["a/b.md"] = ("b", Mode.NonExecutableFile),
            ["a-b.md"] = ("c", Mode.NonExecutableFile),
            ["z.md"] = ("z", Mode.NonExecutableFile),
        };
        var changes = TreeDiff.Files(_trees.Read, null, Write(files).Id);
        Assert.Equal(["a-b.md", "a/b.md", "z.md"], changes.Select(c => c.Path));
        Assert.All(changes, c => Assert.Equal(ChangeKind.Added, c.Status));
    }

    [Fact]
    public void FoldersDeeperThanAnyItemAreNotRead()
    {
        // A pushed tree a thousand folders deep is not walked to the bottom (nor the stack with it); no item lives there.
        var deep = string.Join('/', Enumerable.Repeat("d", 1000)) + "/diep.md";
        var files = new Dictionary<string, (string, Mode)> { [deep] = ("diep", Mode.NonExecutableFile), ["boven.md"] = ("boven", Mode.NonExecutableFile) };
        var changes = TreeDiff.Files(_trees.Read, null, Write(files).Id);
        Assert.Equal(["boven.md"], changes.Select(c => c.Path));
    }

    [Fact]
    public void TheSameTreeHasNoChanges()
    {
        var tree = Write(new Dictionary<string, (string, Mode)> { ["x/y.md"] = ("y", Mode.NonExecutableFile) });
        Assert.Empty(TreeDiff.Files(_trees.Read, tree.Id, tree.Id));
    }

    private static void Change(Dictionary<string, (string Text, Mode Mode)> files, Random random, int step)
    {
        var paths = files.Keys.Order(StringComparer.Ordinal).ToList();
        var path = paths[random.Next(paths.Count)];
        switch (random.Next(7))
        {
            case 0:
                files[RandomPath(random)] = ($"nieuw {step}", Mode.NonExecutableFile);
                break;
            case 1:
            case 2:
                files[path] = ($"gewijzigd {step}", files[path].Mode);
                break;
            case 3:
                files.Remove(path);
                break;
            case 4:
                files[path] = (files[path].Text, files[path].Mode == Mode.ExecutableFile ? Mode.NonExecutableFile : Mode.ExecutableFile);
                break;
            case 5:
                // A file becomes a folder with files in it.
                files.Remove(path);
                files[path + "/binnen.md"] = ($"binnen {step}", Mode.NonExecutableFile);
                files[path + "/diep/ook.md"] = ($"ook {step}", Mode.NonExecutableFile);
                break;
            default:
                // A whole folder goes; a file of the same name takes its place.
                var folder = path.Contains('/') ? path[..path.LastIndexOf('/')] : null;
                if (folder is not null)
                {
                    foreach (var inside in paths.Where(p => p.StartsWith(folder + "/", StringComparison.Ordinal)))
                    {
                        files.Remove(inside);
                    }

                    files[folder] = ($"was een map {step}", Mode.NonExecutableFile);
                }

                break;
        }
    }

    private static string RandomPath(Random random)
    {
        string[] names = ["a", "a-b", "a.b", "b", "kennis", "één", "z"];
        var depth = random.Next(1, 4);
        var parts = Enumerable.Range(0, depth).Select(_ => names[random.Next(names.Length)]).ToList();
        return string.Join('/', parts) + $"-{random.Next(40)}.md";
    }

    private Tree Write(IReadOnlyDictionary<string, (string Text, Mode Mode)> files)
    {
        var definition = new TreeDefinition();
        foreach (var (path, (text, mode)) in files)
        {
            // A path below a file of the same name cannot be: the file wins.
            var folders = path.Split('/')[..^1];
            if (Enumerable.Range(1, folders.Length).Any(n => files.ContainsKey(string.Join('/', folders[..n]))))
            {
                continue;
            }

            if (!_blobs.TryGetValue(text, out var blob))
            {
                blob = _blobs[text] = _repo.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes(text)));
            }

            definition.Add(path, blob, mode);
        }

        return _repo.ObjectDatabase.CreateTree(definition);
    }

    public void Dispose()
    {
        _trees.Dispose();
        _repo.Dispose();
        _wiki.Dispose();
    }
}
