using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.Git;

public class OutsideCommitTests
{
    [Fact]
    public void APushFromACloneIsPickedUpOnRefresh()
    {
        using var wiki = new TempWiki();
        var moved = new List<HeadMovedEventArgs>();
        wiki.Repository.HeadMoved += (_, e) => moved.Add(e);
        var clone = Path.Combine(wiki.Root, "clone");
        Paths.RunGit($"clone -q \"{wiki.GitDirectory}\" \"{clone}\"", wiki.Root);

        File.WriteAllText(Path.Combine(clone, "handboek", "van-buiten.md"), "---\ntitle: Van buiten\n---\n\nGeschreven in een editor.\n");
        Paths.RunGit("add -A", clone);
        Paths.RunGit("commit -q -m \"Pagina van buiten\"", clone);
        Paths.RunGit("push -q origin main", clone);

        Assert.Null(wiki.Catalog.Current.Find(P("handboek/van-buiten")));
        wiki.Repository.Refresh();

        var e = Assert.Single(moved);
        Assert.True(e.External);
        var page = wiki.Pages.Get(P("handboek/van-buiten"))!;
        Assert.Equal("Van buiten", page.Title);
        Assert.Equal("Carla Outside", page.Author);
        Assert.NotNull(wiki.Catalog.Current.Find(P("handboek/van-buiten")));
    }

    [Fact]
    public void ASaveBasedOnTheOldTipMergesWithAnOutsideCommit()
    {
        using var wiki = new TempWiki(seed: false, spaces: "handboek");
        var created = wiki.Pages.Save(new PageSave(P("handboek/samen"), "een\ntwee\ndrie\nvier\nvijf\n", Alice));
        var clone = Path.Combine(wiki.Root, "clone");
        Paths.RunGit($"clone -q \"{wiki.GitDirectory}\" \"{clone}\"", wiki.Root);
        File.WriteAllText(Path.Combine(clone, "handboek", "samen.md"), "EEN\ntwee\ndrie\nvier\nvijf\n");
        Paths.RunGit("commit -q -am \"Van buiten\"", clone);
        Paths.RunGit("push -q origin main", clone);

        // No Refresh: the committer reads the branch itself and must not lose the pushed commit.
        var result = wiki.Pages.Save(new PageSave(P("handboek/samen"), "een\ntwee\ndrie\nvier\nVIJF\n", Bob, BaseRevision: created.Revision));

        Assert.True(result.Merged);
        Assert.Equal("EEN\ntwee\ndrie\nvier\nVIJF\n", wiki.Pages.Get(P("handboek/samen"))!.Markdown);
        Assert.Contains("Van buiten", wiki.Git("log --format=%s main"));
    }

    [Fact]
    public void HistoryFollowsAPageThroughAMergeMadeOutside()
    {
        using var wiki = new TempWiki(seed: false, spaces: "handboek");
        wiki.Pages.Save(new PageSave(P("handboek/a"), "a1\n", Alice, "a1"));
        wiki.Pages.Save(new PageSave(P("handboek/b"), "b1\n", Alice, "b1"));
        var clone = Path.Combine(wiki.Root, "clone");
        Paths.RunGit($"clone -q \"{wiki.GitDirectory}\" \"{clone}\"", wiki.Root);
        Paths.RunGit("checkout -q -b zijtak", clone);
        File.WriteAllText(Path.Combine(clone, "handboek", "a.md"), "a2 op zijtak\n");
        Paths.RunGit("commit -q -am \"a op zijtak\"", clone);
        Paths.RunGit("checkout -q main", clone);
        File.WriteAllText(Path.Combine(clone, "handboek", "b.md"), "b2\n");
        Paths.RunGit("commit -q -am \"b op main\"", clone);
        Paths.RunGit("merge -q --no-edit zijtak", clone);
        Paths.RunGit("push -q origin main", clone);
        wiki.Repository.Refresh();

        Assert.Equal(["a op zijtak", "a1"], wiki.Pages.History(P("handboek/a")).Select(h => h.Message.Trim()));
        Assert.Equal(["b op main", "b1"], wiki.Pages.History(P("handboek/b")).Select(h => h.Message.Trim()));
        Assert.Equal("Carla Outside", wiki.Pages.Get(P("handboek/a"))!.Author);
    }

    [Fact]
    public void ForcePushesThatWouldRewriteHistoryAreRefused()
    {
        using var wiki = new TempWiki();
        var clone = Path.Combine(wiki.Root, "clone");
        Paths.RunGit($"clone -q \"{wiki.GitDirectory}\" \"{clone}\"", wiki.Root);
        Paths.RunGit("commit -q --amend -m \"herschreven\"", clone);
        Assert.Throws<InvalidOperationException>(() => Paths.RunGit("push -q --force origin main", clone));
    }

    [Fact]
    public void AnEmptyFolderBecomesARepositoryOnBranchMain()
    {
        using var wiki = new TempWiki(seed: false);
        Assert.Null(wiki.Repository.Head);
        Assert.Equal("true", wiki.Git("rev-parse --is-bare-repository").Trim());
        Assert.Equal("refs/heads/main", wiki.Git("symbolic-ref HEAD").Trim());
    }
}
