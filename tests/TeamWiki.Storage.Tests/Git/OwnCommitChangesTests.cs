using LibGit2Sharp;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.Git;

/// <summary>
/// What changed between two commits of this process is read from the paths they wrote, not from a tree
/// diff, and is exactly what git's diff of the two trees says; across a commit from outside the trees
/// are compared as before.
/// </summary>
public sealed class OwnCommitChangesTests : IDisposable
{
    private readonly TempWiki _wiki = new(seed: false, spaces: ["handboek", "team"]);

    [Fact]
    public void ChangesBetweenOwnCommitsAreWhatGitsDiffSays()
    {
        var heads = OwnCommits();

        for (var i = 0; i < heads.Count; i++)
        {
            for (var j = i + 1; j < heads.Count; j++)
            {
                Assert.Equal(GitDiff(heads[i], heads[j]), Listed(heads[i], heads[j]));
            }
        }
    }

    [Fact]
    public void OwnCommitsAreAnsweredFromTheirPathsAndAnythingElseIsLeftToTheTreeDiff()
    {
        var spaces = _wiki.Repository.Head!;
        var heads = OwnCommits().Distinct().ToList();
        var paths = new OwnCommitPaths();
        for (var i = 1; i < heads.Count; i++)
        {
            paths.Record(heads[i], heads[i - 1], GitDiff(heads[i - 1], heads[i]).Select(c => c.Path));
        }

        using var repo = new Repository(_wiki.GitDirectory);
        Commit At(string id) => repo.Lookup<Commit>(id);

        Assert.Equal(GitDiff(heads[0], heads[^1]), paths.Changes(At(heads[0]), At(heads[^1])));
        Assert.Equal(GitDiff(heads[2], heads[4]), paths.Changes(At(heads[2]), At(heads[4])));
        // The first save's own commit was not recorded, nor is the way back.
        Assert.Null(paths.Changes(At(spaces), At(heads[^1])));
        Assert.Null(paths.Changes(At(heads[^1]), At(heads[0])));
    }

    [Fact]
    public void ACommitFromOutsideBetweenTwoOwnCommitsIsDiffedAsBefore()
    {
        var before = _wiki.Pages.Save(new PageSave(P("handboek/a"), "a1\n", Alice)).Revision;
        var clone = Path.Combine(_wiki.Root, "clone");
        Paths.RunGit($"clone -q \"{_wiki.GitDirectory}\" \"{clone}\"", _wiki.Root);
        File.WriteAllText(Path.Combine(clone, "handboek", "buiten.md"), "Van buiten\n");
        File.Delete(Path.Combine(clone, "handboek", "a.md"));
        Paths.RunGit("add -A", clone);
        Paths.RunGit("commit -q -m \"Van buiten\"", clone);
        Paths.RunGit("push -q origin main", clone);
        _wiki.Repository.Refresh();
        var after = _wiki.Pages.Save(new PageSave(P("team/b"), "b1\n", Alice)).Revision;

        var listed = Listed(before, after);

        Assert.Equal(GitDiff(before, after), listed);
        Assert.Contains(listed, c => c.Path == "handboek/buiten.md" && c.BlobId is not null);
        Assert.Contains(listed, c => c.Path == "handboek/a.md" && c.BlobId is null);
    }

    /// <summary>Creates, updates, moves and deletes pages, an unchanged save included; the tip after each step.</summary>
    private List<string> OwnCommits()
    {
        var heads = new List<string> { _wiki.Pages.Save(new PageSave(P("handboek/a"), "a1\n", Alice)).Revision };
        heads.Add(_wiki.Pages.Save(new PageSave(P("handboek/b"), "b1\n", Alice)).Revision);
        heads.Add(_wiki.Pages.Save(new PageSave(P("team/c"), "c1\n", Bob)).Revision);
        heads.Add(_wiki.Pages.Save(new PageSave(P("handboek/a"), "a2\n", Bob)).Revision);
        heads.Add(_wiki.Pages.Move(P("handboek/b"), P("team/b"), Alice).Revision);
        heads.Add(_wiki.Pages.Delete(P("team/c"), Alice).Revision);
        heads.Add(_wiki.Pages.Save(new PageSave(P("handboek/a"), "a1\n", Alice)).Revision);
        heads.Add(_wiki.Pages.Save(new PageSave(P("handboek/a"), "a1\n", Bob)).Revision);
        return heads;
    }

    private List<GitChange> Listed(string from, string to) =>
        _wiki.Repository.Changes(from, to).OrderBy(c => c.Path, StringComparer.Ordinal).ToList();

    /// <summary>git's own answer: <c>git diff-tree -r --no-renames</c>.</summary>
    private List<GitChange> GitDiff(string from, string to) =>
        _wiki.Git($"diff-tree -r --no-renames {from} {to}")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Select(parts => (Fields: parts[0].Split(' '), Path: parts[1]))
            .Select(l => new GitChange(l.Path, l.Fields[4] == "D" ? null : l.Fields[3]))
            .OrderBy(c => c.Path, StringComparer.Ordinal)
            .ToList();

    public void Dispose() => _wiki.Dispose();
}
