using System.Text;
using LibGit2Sharp;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Tests.Support;

namespace TeamWiki.Storage.Tests.Git;

/// <summary>Objects written by hand are the loose objects git writes: same id, readable by git, read-only, written once.</summary>
public sealed class LooseObjectWriterTests : IDisposable
{
    private readonly TempWiki _wiki = new(seed: false);

    [Fact]
    public void AnObjectWrittenByHandHasGitsIdAndGitReadsIt()
    {
        var content = Encoding.UTF8.GetBytes("Één regel tekst\nen nog een.\n");
        var writer = new LooseObjectWriter(_wiki.GitDirectory);

        var id = writer.Write("blob", content);
        var again = writer.Write("blob", content);

        var file = Path.Combine(_wiki.GitDirectory, "objects", id.Sha[..2], id.Sha[2..]);
        Assert.Equal(id, again);
        var plain = Path.Combine(_wiki.Root, "tekst.txt");
        File.WriteAllBytes(plain, content);
        Assert.Equal(_wiki.Git($"hash-object --no-filters {plain}").Trim(), id.Sha);
        Assert.Equal("blob", _wiki.Git($"cat-file -t {id.Sha}").Trim());
        Assert.Equal(content, Encoding.UTF8.GetBytes(_wiki.Git($"cat-file blob {id.Sha}")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(file));
        }

        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file)!, "tmp_obj_*"));
    }

    [Fact]
    public void AnObjectWrittenStoredHasGitsIdAndGitAndLibgit2ReadIt()
    {
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"regel {i}\n")));
        var writer = new LooseObjectWriter(_wiki.GitDirectory);

        var id = writer.Write("blob", content, LooseObjectWriter.Stored);

        var file = Path.Combine(_wiki.GitDirectory, "objects", id.Sha[..2], id.Sha[2..]);
        Assert.True(new FileInfo(file).Length > content.Length, "stored: the loose file holds the bytes as they are");
        var plain = Path.Combine(_wiki.Root, "regels.txt");
        File.WriteAllBytes(plain, content);
        Assert.Equal(_wiki.Git($"hash-object --no-filters {plain}").Trim(), id.Sha);
        Assert.Equal(content, Encoding.UTF8.GetBytes(_wiki.Git($"cat-file blob {id.Sha}")));
        using var repo = new Repository(_wiki.GitDirectory);
        Assert.Equal(content.LongLength, repo.Lookup<Blob>(id).Size);
    }

    public void Dispose() => _wiki.Dispose();
}
