using LibGit2Sharp;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.Git;

/// <summary>A revision a caller names must be a commit on the branch; the object store holds more than that.</summary>
public class OnBranchRevisionTests
{
    [Fact]
    public void ACommitThatIsInTheRepositoryButNotOnTheBranchIsNotFound()
    {
        using var wiki = new TempWiki();
        var page = P("handboek/welkom");
        var offBranch = CommitBesideTheBranch(wiki, page.FilePath, "Tekst die nooit op de tak stond.\n");
        var head = wiki.Repository.Head;

        Assert.Throws<RevisionNotFoundException>(() => wiki.Repository.ReadFile(page.FilePath, offBranch));
        Assert.Throws<RevisionNotFoundException>(() => wiki.Pages.Get(page, offBranch));
        Assert.Throws<RevisionNotFoundException>(() => wiki.Pages.Diff(page, offBranch, head!));
        Assert.Throws<RevisionNotFoundException>(() => wiki.Repository.FileHistory(page.FilePath, revision: offBranch));
        Assert.Null(wiki.Repository.FindCommit(offBranch));
        Assert.Throws<RevisionNotFoundException>(() => wiki.Pages.Revert(page, offBranch, Alice));
        Assert.Throws<RevisionNotFoundException>(() => wiki.Pages.Save(new PageSave(page, "mijn tekst\n", Alice, BaseRevision: offBranch)));
        Assert.Equal(head, wiki.Repository.Head);
        Assert.Equal(head, wiki.Git("rev-parse main").Trim());
    }

    [Fact]
    public void AnOffBranchIdAnswersExactlyLikeAnIdThatDoesNotExist()
    {
        using var wiki = new TempWiki();
        var offBranch = CommitBesideTheBranch(wiki, "handboek/welkom.md", "x\n");
        var unknown = new string(offBranch.Select(c => c == 'a' ? 'b' : 'a').ToArray());
        Assert.False(new Repository(wiki.GitDirectory).ObjectDatabase.Contains(new ObjectId(unknown)));

        foreach (var revision in new[] { offBranch, offBranch[..7], offBranch[..4], unknown, unknown[..7] })
        {
            var ex = Assert.Throws<RevisionNotFoundException>(() => wiki.Repository.ReadFile("handboek/welkom.md", revision));
            Assert.Equal(revision, ex.Revision);
        }
    }

    [Fact]
    public void AnAbbreviatedIdResolvesToItsCommitOnTheBranch()
    {
        using var wiki = new TempWiki();
        var saved = wiki.Pages.Save(new PageSave(P("handboek/kort"), "kort\n", Alice));

        Assert.Equal("kort\n", wiki.Pages.Get(P("handboek/kort"), saved.Revision[..7])!.Markdown);
        Assert.Equal(saved.Revision, wiki.Repository.FindCommit(saved.Revision[..7].ToUpperInvariant())!.Id);
    }

    [Fact]
    public void AnAbbreviationThatFitsTwoCommitsOnTheBranchIsNotFound()
    {
        using var wiki = new TempWiki();
        var (first, second) = TwoBranchCommitsSharingAPrefix(wiki);
        wiki.Repository.Refresh();

        Assert.NotNull(wiki.Repository.FindCommit(first));
        Assert.NotNull(wiki.Repository.FindCommit(second));
        Assert.Null(wiki.Repository.FindCommit(first[..4]));
        Assert.Throws<RevisionNotFoundException>(() => wiki.Repository.ListFiles(first[..4]));
    }

    [Fact]
    public void AFreshlyOpenedRepositoryAnswersFullAndAbbreviatedIdsAlike()
    {
        using var wiki = new TempWiki();
        var page = P("handboek/welkom");
        var saves = Enumerable.Range(1, 5).Select(i => wiki.Pages.Save(new PageSave(page, $"versie {i}\n", Alice, $"versie {i}")).Revision).ToList();
        var offBranch = CommitBesideTheBranch(wiki, page.FilePath, "Tekst die nooit op de tak stond.\n");
        var blob = new Repository(wiki.GitDirectory).Lookup<Commit>(saves[0])[page.FilePath].Target.Sha;

        // A start: the set is built when the first id other than the tip is named.
        using var fresh = GitContentRepository.OpenOrCreate(wiki.GitDirectory);
        Assert.Equal("versie 2\n", fresh.ReadFile(page.FilePath, saves[1])!.Text);
        Assert.Equal(saves[0], fresh.FindCommit(saves[0])!.Id);
        Assert.Null(fresh.FindCommit(offBranch));
        Assert.Null(fresh.FindCommit(blob));
        Assert.Throws<RevisionNotFoundException>(() => fresh.ReadFile(page.FilePath, offBranch));

        // An abbreviation after that; the answers stay the same.
        Assert.Equal(saves[2], fresh.FindCommit(saves[2][..7])!.Id);
        Assert.Equal(saves[0], fresh.FindCommit(saves[0])!.Id);
        Assert.Null(fresh.FindCommit(offBranch));
        Assert.Null(fresh.FindCommit(blob));
    }

    [Fact]
    public void CommitsLeftBehindWhenTheBranchIsMovedBackFromOutsideAreNotFound()
    {
        using var wiki = new TempWiki();
        var page = P("handboek/welkom");
        var saves = Enumerable.Range(1, 3).Select(i => wiki.Pages.Save(new PageSave(page, $"versie {i}\n", Alice, $"versie {i}")).Revision).ToList();
        Assert.Equal(saves[2], wiki.Repository.FindCommit(saves[2])!.Id);
        Assert.Equal(saves[1], wiki.Repository.FindCommit(saves[1])!.Id);

        // Someone with access to the repository moves the branch back two commits.
        wiki.Git($"update-ref refs/heads/main {saves[0]}");
        wiki.Repository.Refresh();

        Assert.Equal(saves[0], wiki.Repository.Head);
        Assert.Null(wiki.Repository.FindCommit(saves[2]));
        Assert.Null(wiki.Repository.FindCommit(saves[1][..8]));
        Assert.Throws<RevisionNotFoundException>(() => wiki.Repository.ReadFile(page.FilePath, saves[2]));
        Assert.Equal(saves[0], wiki.Repository.FindCommit(saves[0])!.Id);
    }

    /// <summary>A commit in the object store that no branch points at (a push to another branch, a failed write).</summary>
    private static string CommitBesideTheBranch(TempWiki wiki, string path, string text)
    {
        using var repo = new Repository(wiki.GitDirectory);
        var tip = repo.Lookup<Commit>(wiki.Repository.Head);
        var td = TreeDefinition.From(tip.Tree);
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        td.Add(path, repo.ObjectDatabase.CreateBlob(content), Mode.NonExecutableFile);
        var signature = new Signature("Buiten", "buiten@example.org", DateTimeOffset.Now);
        return repo.ObjectDatabase.CreateCommit(signature, signature, "naast de tak", repo.ObjectDatabase.CreateTree(td), [tip], prettifyMessage: true).Sha;
    }

    /// <summary>Adds empty commits to the branch until two share their first four hex digits (about 300 are needed).</summary>
    private static (string, string) TwoBranchCommitsSharingAPrefix(TempWiki wiki)
    {
        using var repo = new Repository(wiki.GitDirectory);
        var tip = repo.Lookup<Commit>(wiki.Repository.Head);
        var seen = new Dictionary<string, string> { [tip.Sha[..4]] = tip.Sha };
        var signature = new Signature("Buiten", "buiten@example.org", DateTimeOffset.Now);
        for (var i = 0; i < 20_000; i++)
        {
            tip = repo.ObjectDatabase.CreateCommit(signature, signature, $"leeg {i}", tip.Tree, [tip], prettifyMessage: true);
            if (seen.TryGetValue(tip.Sha[..4], out var earlier))
            {
                wiki.Git($"update-ref refs/heads/main {tip.Sha}");
                return (earlier, tip.Sha);
            }

            seen[tip.Sha[..4]] = tip.Sha;
        }

        throw new InvalidOperationException("no two commits shared a prefix");
    }
}
