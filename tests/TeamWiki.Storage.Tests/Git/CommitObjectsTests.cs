using LibGit2Sharp;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.Git;

/// <summary>A save writes the objects of the changed path only: its blob, the trees from its folder up to the root, the commit.</summary>
public class CommitObjectsTests : IDisposable
{
    private readonly TempWiki _wiki = new(seed: true, spaces: "diep");

    [Fact]
    public void ASaveWritesOnlyTheBlobTheTreesAlongItsPathAndTheCommit()
    {
        _wiki.Pages.Save(new PageSave(P("diep/a/b/pagina"), "eerste versie\n", Alice));
        _wiki.Pages.Save(new PageSave(P("diep/a/buur"), "een buur\n", Alice));
        _wiki.Pages.Save(new PageSave(P("diep/c/ander"), "elders\n", Alice));
        var before = AllObjects();
        var oldHead = _wiki.Repository.Head!;

        var saved = _wiki.Pages.Save(new PageSave(P("diep/a/b/pagina"), "tweede versie\n", Bob));

        using var repo = new Repository(_wiki.GitDirectory);
        var commit = repo.Lookup<Commit>(saved.Revision);
        var expected = new[]
        {
            commit.Sha,
            commit.Tree.Sha,
            commit["diep"].Target.Sha,
            commit["diep/a"].Target.Sha,
            commit["diep/a/b"].Target.Sha,
            commit["diep/a/b/pagina.md"].Target.Sha,
        }.ToHashSet();
        Assert.Equal(expected.Order(), AllObjects().Except(before).Order());

        // Everything beside the path is the very same object as before.
        var old = repo.Lookup<Commit>(oldHead);
        Assert.Equal(old["diep/c"].Target.Sha, commit["diep/c"].Target.Sha);
        Assert.Equal(old["diep/a/buur.md"].Target.Sha, commit["diep/a/buur.md"].Target.Sha);
        Assert.Equal(old["handboek"].Target.Sha, commit["handboek"].Target.Sha);
    }

    [Fact]
    public void AMoveWritesOnlyTheTreesOfBothPaths()
    {
        _wiki.Pages.Save(new PageSave(P("diep/a/b/pagina"), "tekst\n", Alice));
        _wiki.Pages.Save(new PageSave(P("diep/c/ander"), "elders\n", Alice));
        var before = AllObjects();

        var moved = _wiki.Pages.Move(P("diep/a/b/pagina"), P("diep/c/verhuisd"), Alice);

        using var repo = new Repository(_wiki.GitDirectory);
        var commit = repo.Lookup<Commit>(moved.Revision);
        // The space's redirect file records where the old address went (it sits in the "diep" tree anyway).
        var expected = new[] { commit.Sha, commit.Tree.Sha, commit["diep"].Target.Sha, commit["diep/c"].Target.Sha, commit["diep/_redirects.yml"].Target.Sha };
        // diep/a/b and diep/a became empty and are gone: no tree is written for them.
        Assert.Null(commit["diep/a"]);
        Assert.Equal(expected.Order(), AllObjects().Except(before).Order());
    }

    private HashSet<string> AllObjects()
    {
        using var repo = new Repository(_wiki.GitDirectory);
        return repo.ObjectDatabase.Select(o => o.Sha).ToHashSet();
    }

    public void Dispose() => _wiki.Dispose();
}
